import {
  type FileStore,
  PHOTO_UPLOAD_MAX_BYTES,
  RosterError,
} from "@roster/core";

/**
 * The uploaded bytes, read whole: the pipeline needs them in memory. The
 * upload target bounded the size already; this refuses anything that
 * reached the store some other way rather than read it without end.
 */
export async function readUpload(
  files: FileStore,
  key: string,
): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of await files.read(key)) {
    total += chunk.length;
    if (total > PHOTO_UPLOAD_MAX_BYTES) {
      throw new RosterError(
        "payload_too_large",
        `The upload is larger than the ${PHOTO_UPLOAD_MAX_BYTES} bytes allowed.`,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
