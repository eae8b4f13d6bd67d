import type { FaceFinding } from "@roster/core";
import { cropAroundFace, largestFace, type SquareCrop } from "./crop.js";
import { findFaces } from "./detect.js";
import type { FaceBox, FaceDetector } from "./face-detector.js";
import { type InspectedPhoto, inspectPhoto } from "./inspect.js";
import { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from "./limits.js";
import { encodeRenditions, type Rendition, renderMaster } from "./render.js";

export interface ProcessPhotoOptions {
  detector: FaceDetector;
  limits?: PhotoLimits;
}

/** A photo made ready for the directory. */
export interface ProcessedPhoto {
  renditions: Rendition[];
  /** What the person is told: one face, none, or several. */
  faces: FaceFinding;
  /** The faces found, in the upright photo's pixels. */
  faceBoxes: FaceBox[];
  /** The square cut from the upright photo; absent for an attention crop. */
  crop: SquareCrop | undefined;
  source: Pick<InspectedPhoto, "type" | "width" | "height">;
}

/**
 * Turns uploaded bytes into square portraits in every size and format,
 * centred on the largest face. Throws PhotoRejectedError, with a message
 * for the person, for anything it will not or cannot process.
 */
export async function processPhoto(
  bytes: Uint8Array,
  options: ProcessPhotoOptions,
): Promise<ProcessedPhoto> {
  const limits = options.limits ?? DEFAULT_PHOTO_LIMITS;
  const photo = await inspectPhoto(bytes, limits);
  const faceBoxes = await findFaces(bytes, photo, limits, options.detector);
  const face = largestFace(faceBoxes);
  const crop = face && cropAroundFace(face, photo.width, photo.height);
  const master = await renderMaster(bytes, photo, limits, crop);
  return {
    renditions: await encodeRenditions(master),
    faces: findingOf(faceBoxes.length),
    faceBoxes,
    crop,
    source: { type: photo.type, width: photo.width, height: photo.height },
  };
}

function findingOf(count: number): FaceFinding {
  if (count === 0) return "none";
  return count === 1 ? "one" : "several";
}
