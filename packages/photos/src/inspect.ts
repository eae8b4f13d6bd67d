import sharp, { type Metadata } from "sharp";
import { PhotoRejectedError } from "./errors.js";
import type { PhotoLimits } from "./limits.js";
import { type SniffedType, sniffImageType } from "./sniff.js";

/** What the header says, checked against the limits; nothing decoded. */
export interface InspectedPhoto {
  type: Exclude<SniffedType, "heic">;
  /** Upright dimensions, after the EXIF orientation is applied. */
  width: number;
  height: number;
  hasAlpha: boolean;
}

const ACCEPTED = "JPEG, PNG, WebP, AVIF or GIF";

/** Refuses what the pipeline must not decode; reads only the headers. */
export async function inspectPhoto(
  bytes: Uint8Array,
  limits: PhotoLimits,
): Promise<InspectedPhoto> {
  if (bytes.length === 0) {
    throw new PhotoRejectedError("empty", "The file is empty.");
  }
  if (bytes.length > limits.maxBytes) {
    throw new PhotoRejectedError(
      "too_large",
      `The photo is ${megabytes(bytes.length)}; at most ` +
        `${megabytes(limits.maxBytes)} is accepted.`,
      { bytes: bytes.length, maxBytes: limits.maxBytes },
    );
  }
  const type = sniffImageType(bytes);
  if (type === "heic") throw heicRefused();
  if (type === undefined) {
    throw new PhotoRejectedError(
      "unsupported_type",
      `This file is not a photo Roster can read; upload a ${ACCEPTED} image.`,
    );
  }
  const meta = await readHeader(bytes);
  if (type === "avif" && meta.compression === "hevc") throw heicRefused();
  const expected = type === "avif" ? "heif" : type;
  if (meta.format !== expected) {
    throw new PhotoRejectedError(
      "type_mismatch",
      "The file's contents do not match its image type; it may be damaged.",
      { sniffed: type, decoded: meta.format },
    );
  }
  const stored = { width: meta.width ?? 0, height: meta.height ?? 0 };
  const frameHeight = meta.pageHeight ?? stored.height;
  const pixels = stored.width * frameHeight;
  if (pixels > limits.maxPixels) {
    throw new PhotoRejectedError(
      "too_many_pixels",
      `The photo declares ${stored.width} x ${frameHeight} pixels; at most ` +
        `${Math.round(limits.maxPixels / 1e6)} megapixels are accepted.`,
      { width: stored.width, height: frameHeight, maxPixels: limits.maxPixels },
    );
  }
  const frames = meta.pages ?? 1;
  if (frames > limits.maxFrames) {
    throw new PhotoRejectedError(
      "too_many_frames",
      `The animation has ${frames} frames; at most ${limits.maxFrames} ` +
        "are accepted (only the first is used).",
      { frames, maxFrames: limits.maxFrames },
    );
  }
  const swapped = isQuarterTurn(meta.orientation);
  const width = swapped ? frameHeight : stored.width;
  const height = swapped ? stored.width : frameHeight;
  if (Math.min(width, height) < limits.minSide) {
    throw new PhotoRejectedError(
      "too_small",
      `The photo is ${width} x ${height} pixels; it needs at least ` +
        `${limits.minSide} on each side.`,
      { width, height, minSide: limits.minSide },
    );
  }
  return { type, width, height, hasAlpha: meta.hasAlpha === true };
}

/** Orientations 5 to 8 turn the picture by a quarter; others keep its axes. */
export function isQuarterTurn(orientation: number | undefined): boolean {
  return orientation !== undefined && orientation >= 5 && orientation <= 8;
}

async function readHeader(bytes: Uint8Array): Promise<Metadata> {
  try {
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw damaged(error);
  }
}

/** Decoders' messages name libvips internals; the person gets a plain one. */
export function damaged(error: unknown): PhotoRejectedError {
  const rejected = new PhotoRejectedError(
    "damaged",
    "The photo could not be read; the file may be damaged or incomplete.",
  );
  // Kept for the job's log line, never shown to the person.
  rejected.cause = error;
  return rejected;
}

function heicRefused(): PhotoRejectedError {
  return new PhotoRejectedError(
    "heic_unsupported",
    "HEIC photos (the iPhone default) cannot be processed yet. Export the " +
      `photo as JPEG (or set the camera to "Most Compatible") and upload ` +
      "it again.",
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
