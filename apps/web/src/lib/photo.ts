// Mirrors @roster/core's photo module: the renditions the worker stores and
// the uploads the API accepts. The API still has the final word.

/** Square renditions stored for every photo, in pixels per side. */
export const PHOTO_SIZES = [64, 128, 256, 512] as const;
export type PhotoFormat = "avif" | "webp" | "jpeg";

/** Types the upload control offers; the worker sniffs the bytes anyway. */
export const PHOTO_TYPES = [
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/avif",
  "image/gif",
] as const;

export const PHOTO_MAX_BYTES = 25 * 1024 * 1024;

/** What face detection found, as the photo job reports it. */
export type FaceFinding = "one" | "none" | "several";

/** The URL of one rendition of a person's photo. */
export function photoUrl(
  photoKey: string,
  size: number,
  format: PhotoFormat,
): string {
  return `/api/photos/${photoKey}/${size}.${format}`;
}

/** Every size in one format, for `srcset` with `w` descriptors. */
export function photoSrcSet(photoKey: string, format: PhotoFormat): string {
  return PHOTO_SIZES.map(
    (size) => `${photoUrl(photoKey, size, format)} ${size}w`,
  ).join(", ");
}

/**
 * Why a picked file cannot be uploaded, or null when it may be. Checked
 * before anything is sent, so a wrong file fails at once.
 */
export function photoFileProblem(file: {
  type: string;
  size: number;
  name: string;
}): string | null {
  const type = file.type.toLowerCase();
  if (
    type === "image/heic" ||
    type === "image/heif" ||
    /\.hei[cf]$/i.test(file.name)
  ) {
    return (
      "HEIC photos (the iPhone default) cannot be processed yet. Export " +
      "the photo as JPEG and pick it again."
    );
  }
  if (!(PHOTO_TYPES as readonly string[]).includes(type)) {
    return "Pick a JPEG, PNG, WebP, AVIF or GIF image.";
  }
  if (file.size === 0) return "The file is empty.";
  if (file.size > PHOTO_MAX_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return `The photo is ${mb} MB; at most 25 MB can be uploaded.`;
  }
  return null;
}

/**
 * Whose photo it is, as the messages address them: the uploader's own,
 * or someone else's that HR or an admin is changing.
 */
export type PhotoOwner = "self" | "other";

/** What the upload control says while the worker crops the photo. */
export const PHOTO_PROCESSING_MESSAGE = "Looking for a face…";

/**
 * The hint shown beside a processed photo, or null when all is well. It
 * speaks to the person when the photo is theirs, and about "one person"
 * when HR or an admin looks at someone else's.
 */
export function faceFindingMessage(
  finding: FaceFinding | null,
  owner: PhotoOwner,
): string | null {
  if (finding === "none") {
    return (
      "No face found: the square was chosen from the busiest part of " +
      "the photo. A photo facing the camera works best."
    );
  }
  if (finding === "several") {
    const alone =
      owner === "self"
        ? "A photo of you alone works best."
        : "A photo of one person alone works best.";
    return `Several faces found: the square is centred on the largest. ${alone}`;
  }
  return null;
}

/** The caption and alt text of a photo that has just been processed. */
export function newPhotoText(owner: PhotoOwner): {
  caption: string;
  alt: string;
} {
  const whose = owner === "self" ? "Your" : "The";
  return {
    caption: `${whose} new photo is in place.`,
    alt: `${whose} new photo, as the directory shows it`,
  };
}

/** Whether the actor may change this person's photo: their own, or staff. */
export function canChangePhoto(
  me: { actor: { id: string; role: string } } | null,
  personId: string,
): boolean {
  if (!me) return false;
  return (
    me.actor.id === personId ||
    me.actor.role === "hr" ||
    me.actor.role === "admin"
  );
}
