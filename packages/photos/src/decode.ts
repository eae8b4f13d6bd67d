import sharp, { type Sharp } from "sharp";
import { damaged } from "./inspect.js";
import type { PhotoLimits } from "./limits.js";

/**
 * Every decode starts here: the first frame only, the pixel limit enforced
 * again by libvips itself, truncated data refused rather than padded grey,
 * and the EXIF orientation applied (an invalid value such as 0 is ignored).
 */
export function decodeUpright(bytes: Uint8Array, limits: PhotoLimits) {
  return sharp(bytes, {
    pages: 1,
    limitInputPixels: limits.maxPixels,
    failOn: "truncated",
  }).autoOrient();
}

/** A white background for formats without alpha, and for the detector. */
export const WHITE = { r: 255, g: 255, b: 255 };

/**
 * Runs a decoding pipeline to raw pixels. The header already passed, so a
 * failure here means damaged data (a truncated file, a corrupt scan).
 */
export async function readPixels(image: Sharp) {
  try {
    return await image.toBuffer({ resolveWithObject: true });
  } catch (error) {
    throw damaged(error);
  }
}
