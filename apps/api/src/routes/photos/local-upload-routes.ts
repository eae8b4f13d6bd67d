import { PHOTO_UPLOAD_MAX_BYTES, RosterError } from "@roster/core";
import { verifyLocalUpload } from "@roster/storage";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../../env.js";
import { respondWithError } from "../../http/errors.js";
import type { PhotoDeps } from "./deps.js";

/** Room for the form's fields and part headers around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * The local stand-in for S3's POST upload: the same form (fields, then
 * the file as `file`), checked against its signed policy for key, type,
 * size and expiry, and stored in the local file store. Answers 204 as
 * S3 does. It needs no signed-in user: the signature is the permission.
 */
export function localUploadRoutes(photos: PhotoDeps, secret: string) {
  return new Hono<AppEnv>().post(
    "/",
    bodyLimit({
      maxSize: PHOTO_UPLOAD_MAX_BYTES + FORM_OVERHEAD_BYTES,
      onError: (c) =>
        respondWithError(
          c,
          new RosterError(
            "payload_too_large",
            `The file is larger than the ${PHOTO_UPLOAD_MAX_BYTES} bytes ` +
              "allowed.",
            { maxBytes: PHOTO_UPLOAD_MAX_BYTES },
          ),
        ),
    }),
    async (c) => {
      const form = await c.req.formData().catch(() => {
        throw new RosterError(
          "invalid_input",
          "Send the upload as multipart/form-data: the fields, then `file`.",
        );
      });
      const fields: Record<string, string> = {};
      for (const [name, value] of form) {
        if (typeof value === "string") fields[name] = value;
      }
      const file = form.get("file");
      if (!(file instanceof File)) {
        throw new RosterError(
          "invalid_input",
          "The form has no file; send it last, as the part named `file`.",
        );
      }
      const upload = verifyLocalUpload(secret, {
        fields,
        fileBytes: file.size,
      });
      await photos.files.put(upload.key, [
        new Uint8Array(await file.arrayBuffer()),
      ]);
      return c.body(null, 204);
    },
  );
}
