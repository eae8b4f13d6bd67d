import {
  PHOTO_CONTENT_TYPES,
  PHOTO_FORMATS,
  PHOTO_SIZES,
  type PhotoFormat,
  type PhotoSize,
} from "@roster/core";
import sharp, { type Sharp } from "sharp";
import type { SquareCrop } from "./crop.js";
import { decodeUpright, readPixels, WHITE } from "./decode.js";
import type { InspectedPhoto } from "./inspect.js";
import type { PhotoLimits } from "./limits.js";

/** One stored rendition: a square of `size` pixels in one format. */
export interface Rendition {
  size: PhotoSize;
  format: PhotoFormat;
  contentType: string;
  bytes: Buffer;
}

const MASTER_SIDE = Math.max(...PHOTO_SIZES);

interface Master {
  data: Buffer;
  side: number;
  channels: 3 | 4;
}

/**
 * The square at the largest rendition's size, as raw sRGB: decoded once,
 * with the JPEG shrunk while it loads, then the crop taken from the
 * shrunk image. Without a crop, libvips's attention strategy picks one.
 */
export async function renderMaster(
  bytes: Uint8Array,
  photo: InspectedPhoto,
  limits: PhotoLimits,
  crop: SquareCrop | undefined,
): Promise<Master> {
  const image = decodeUpright(bytes, limits);
  if (crop) {
    const scale = Math.min(1, MASTER_SIDE / crop.size);
    const width = Math.max(1, Math.round(photo.width * scale));
    const height = Math.max(1, Math.round(photo.height * scale));
    const side = Math.min(Math.round(crop.size * scale), width, height);
    image.resize(width, height, { fit: "fill" }).extract({
      left: clamp(Math.round(crop.left * scale), 0, width - side),
      top: clamp(Math.round(crop.top * scale), 0, height - side),
      width: side,
      height: side,
    });
  } else {
    image.resize(MASTER_SIDE, MASTER_SIDE, {
      fit: "cover",
      position: "attention",
    });
  }
  if (!photo.hasAlpha) image.removeAlpha();
  const { data, info } = await readPixels(
    image.toColourspace("srgb").raw({ depth: "uchar" }),
  );
  return {
    data,
    side: info.width,
    channels: info.channels === 4 ? 4 : 3,
  };
}

/**
 * Every size in every format. Output carries no metadata at all (the raw
 * master has none to carry), so location and camera details are gone.
 * JPEG has no alpha: transparency is flattened onto white there only.
 */
export async function encodeRenditions(master: Master): Promise<Rendition[]> {
  const input = sharp(master.data, {
    raw: {
      width: master.side,
      height: master.side,
      channels: master.channels,
    },
  });
  const jobs = PHOTO_SIZES.flatMap((size) => {
    const resized = input.clone().resize(size, size, { fit: "fill" });
    return PHOTO_FORMATS.map(async (format) => ({
      size,
      format,
      contentType: PHOTO_CONTENT_TYPES[format],
      bytes: await encode(resized.clone(), format),
    }));
  });
  return Promise.all(jobs);
}

function encode(image: Sharp, format: PhotoFormat): Promise<Buffer> {
  switch (format) {
    case "jpeg":
      return image
        .flatten({ background: WHITE })
        .jpeg({ quality: 82, progressive: true })
        .toBuffer();
    case "webp":
      return image.webp({ quality: 80, effort: 4 }).toBuffer();
    case "avif":
      // Effort 0 encodes a 512 px square about ten times faster than
      // effort 2 for files some 15% larger; the pipeline's time budget
      // (half a second per photo) cannot pay for more.
      return image.avif({ quality: 55, effort: 0 }).toBuffer();
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
