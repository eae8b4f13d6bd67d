import { Readable } from "node:stream";
import {
  isPhotoFormat,
  isPhotoSize,
  isRosterError,
  isUuid,
  NotFoundError,
  PHOTO_CONTENT_TYPES,
  PHOTO_FORMATS,
  PHOTO_SIZES,
  photoKeyOf,
  photoRenditionKey,
  RosterError,
} from "@roster/core";
import { currentPhotoKey, type Directory } from "@roster/db";
import { Hono } from "hono";
import type { AppEnv } from "../../env.js";
import { type PhotoDeps, requirePhotos } from "./deps.js";

/** A set's files never change: its id is new for every processed photo. */
const IMMUTABLE = "public, max-age=31536000, immutable";

const FILE = /^(\d{1,4})\.([a-z]{3,4})$/;

function badPhotoUrl(message: string): RosterError {
  return new RosterError("invalid_input", message, {
    sizes: PHOTO_SIZES,
    formats: PHOTO_FORMATS,
  });
}

/**
 * Serves photo renditions at `/api/photos/<employee>/<set>/<size>.<format>`.
 *
 * In the spirit of on-the-fly resizing, but bounded: only the allow-listed
 * sizes and formats exist, and the worker stores every one of them when it
 * processes a photo. The API (a Lambda, without sharp) therefore never
 * resizes; each valid URL maps to one stored object, anything else is a
 * 400, and the number of objects a CDN can be made to cache is fixed.
 */
export function photoRenditionRoutes(
  directory: Directory,
  configured: PhotoDeps | undefined,
) {
  return new Hono<AppEnv>().get("/:employeeId/:setId/:file", async (c) => {
    const photos = requirePhotos(configured);
    const { employeeId, setId, file } = c.req.param();
    if (new URL(c.req.url).search !== "") {
      throw badPhotoUrl(
        "Photo URLs take no query string: sizes and formats are fixed.",
      );
    }
    if (!isUuid(employeeId) || !isUuid(setId)) {
      throw badPhotoUrl(
        "A photo URL is /api/photos/<employee id>/<photo id>/<size>.<format>.",
      );
    }
    const match = FILE.exec(file);
    const size = Number(match?.[1]);
    const format = match?.[2] ?? "";
    if (
      !match ||
      String(size) !== match[1] ||
      !isPhotoSize(size) ||
      !isPhotoFormat(format)
    ) {
      throw badPhotoUrl(
        `Photos come in sizes ${PHOTO_SIZES.join(", ")} and formats ` +
          `${PHOTO_FORMATS.join(", ")}, as <size>.<format>; ` +
          `${JSON.stringify(file)} is not one of them.`,
      );
    }
    // Only the photo a person shows now: a replaced set, or the photo of
    // someone removed or gone, is not served even while its files remain.
    const setKey = photoKeyOf(employeeId, setId);
    if ((await currentPhotoKey(directory.db, employeeId)) !== setKey) {
      throw new NotFoundError("photo", `${employeeId}/${setId}`);
    }
    const key = photoRenditionKey(setKey, size, format);
    const body = await photos.files.read(key).catch((error: unknown) => {
      if (!isRosterError(error) || error.code !== "not_found") throw error;
      throw new NotFoundError("photo", `${employeeId}/${setId}/${file}`);
    });
    return c.body(
      Readable.toWeb(Readable.from(body)) as ReadableStream<Uint8Array>,
      200,
      {
        "Content-Type": PHOTO_CONTENT_TYPES[format],
        "Cache-Control": IMMUTABLE,
        "X-Content-Type-Options": "nosniff",
      },
    );
  });
}
