export type { SquareCrop } from "./crop.js";
export { cropAroundFace, largestFace } from "./crop.js";
export { PhotoRejectedError, type PhotoRejection } from "./errors.js";
export type { FaceBox, FaceDetector, RgbImage } from "./face-detector.js";
export { loadFaceDetector } from "./human/detector.js";
export { type InspectedPhoto, inspectPhoto } from "./inspect.js";
export { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from "./limits.js";
export {
  type ProcessedPhoto,
  type ProcessPhotoOptions,
  processPhoto,
} from "./pipeline.js";
export type { Rendition } from "./render.js";
export { type SniffedType, sniffImageType } from "./sniff.js";
