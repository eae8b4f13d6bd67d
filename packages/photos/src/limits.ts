import { PHOTO_UPLOAD_MAX_BYTES } from "@roster/core";

/** Bounds checked before any pixel is decoded. */
export interface PhotoLimits {
  maxBytes: number;
  /** Width times height of one frame, as the header declares it. */
  maxPixels: number;
  /** Frames an animated image may declare; only the first is used. */
  maxFrames: number;
  /** The shorter side, after orientation; smaller makes a blurry avatar. */
  minSide: number;
}

export const DEFAULT_PHOTO_LIMITS: PhotoLimits = {
  maxBytes: PHOTO_UPLOAD_MAX_BYTES,
  // A 48-megapixel phone sensor fits; a 100,000 x 100,000 bomb does not.
  maxPixels: 50_000_000,
  maxFrames: 200,
  minSide: 64,
};
