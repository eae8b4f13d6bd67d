export { assertCanChangePhoto } from "./access.js";

/**
 * The renditions every processed photo is stored in: square, in each of
 * these sizes (pixels per side) and formats. The UI picks from these and
 * the resize endpoint serves nothing else, so the set of stored and cached
 * objects stays bounded.
 */
export const PHOTO_SIZES = [64, 128, 256, 512] as const;
export type PhotoSize = (typeof PHOTO_SIZES)[number];

export const PHOTO_FORMATS = ["avif", "webp", "jpeg"] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

export const PHOTO_CONTENT_TYPES: Record<PhotoFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
};

/** What face detection found, shown to the person as a hint. */
export const FACE_FINDINGS = ["one", "none", "several"] as const;
export type FaceFinding = (typeof FACE_FINDINGS)[number];

/**
 * Content types an upload may declare; the pipeline still sniffs the
 * bytes. HEIC is refused up front: the worker's decoder has no HEVC.
 */
export const PHOTO_UPLOAD_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/avif",
  "image/gif",
] as const;
export type PhotoUploadType = (typeof PHOTO_UPLOAD_TYPES)[number];

/** The largest upload accepted: a full-resolution phone photo fits. */
export const PHOTO_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

export function isPhotoSize(value: number): value is PhotoSize {
  return (PHOTO_SIZES as readonly number[]).includes(value);
}

export function isPhotoFormat(value: string): value is PhotoFormat {
  return (PHOTO_FORMATS as readonly string[]).includes(value);
}

/**
 * An employee's `photoKey`: the folder of one processed rendition set,
 * `<employee id>/<set id>`. URLs and store keys are built from it.
 */
export function photoKeyOf(employeeId: string, setId: string): string {
  return `${employeeId}/${setId}`;
}

/** Where one rendition of a photo lives in the file store. */
export function photoRenditionKey(
  photoKey: string,
  size: PhotoSize,
  format: PhotoFormat,
): string {
  return `photos/${photoKey}/${size}.${format}`;
}

/** Where an upload waits for processing; one per upload. */
export function photoUploadKey(employeeId: string, uploadId: string): string {
  return `uploads/photos/${employeeId}/${uploadId}`;
}
