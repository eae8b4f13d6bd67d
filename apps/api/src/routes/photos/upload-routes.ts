import { randomUUID } from "node:crypto";
import {
  assertCanChangePhoto,
  type FaceFinding,
  isRosterError,
  isUuid,
  NotFoundError,
  PHOTO_UPLOAD_MAX_BYTES,
  PHOTO_UPLOAD_TYPES,
  photoUploadKey,
  RosterError,
} from "@roster/core";
import { getEmployee, getJob, reading } from "@roster/db";
import { type Context, Hono } from "hono";
import * as z from "zod";
import type { AppDeps, AppEnv } from "../../env.js";
import { jsonBody } from "../../http/input.js";
import { actorOf } from "../actor.js";
import { type PhotoDeps, requirePhotos } from "./deps.js";
import { startPhotoJob } from "./start-job.js";

/** An upload target stays usable this long. */
const UPLOAD_TTL_SECONDS = 600;

const UploadRequest = z.strictObject({
  contentType: z.string().max(100),
  /** The file's size, when the client knows it: refused early if too big. */
  bytes: z.int().positive().optional(),
});

const UploadDone = z.strictObject({ uploadId: z.uuid() });

function uuidParam(c: Context, name: string, entity: string): string {
  const id = c.req.param(name) ?? "";
  if (!isUuid(id)) throw new NotFoundError(entity, id);
  return id;
}

/**
 * A person's photo: ask for an upload target, say the upload is done
 * (which queues processing), and follow the processing job.
 */
export function photoUploadRoutes(
  { directory }: AppDeps,
  configured: PhotoDeps | undefined,
) {
  const authorise = async (c: Context<AppEnv>) => {
    const photos = requirePhotos(configured);
    const id = uuidParam(c, "id", "employee");
    const actor = actorOf(c);
    assertCanChangePhoto(actor, id);
    await getEmployee(reading(directory, actor), id);
    return { id, actor, photos };
  };

  return new Hono<AppEnv>()
    .post("/:id/photo/uploads", async (c) => {
      const { id, photos } = await authorise(c);
      const body = await jsonBody(c, UploadRequest);
      const contentType = body.contentType.trim().toLowerCase();
      assertUploadable(contentType, body.bytes);
      const uploadId = randomUUID();
      const upload = await photos.uploads.issue({
        key: photoUploadKey(id, uploadId),
        contentType,
        maxBytes: PHOTO_UPLOAD_MAX_BYTES,
        expiresInSeconds: UPLOAD_TTL_SECONDS,
      });
      return c.json({ uploadId, upload }, 201);
    })
    .post("/:id/photo", async (c) => {
      const { id, actor, photos } = await authorise(c);
      const { uploadId } = await jsonBody(c, UploadDone);
      const uploadKey = photoUploadKey(id, uploadId);
      await assertUploaded(photos, uploadKey);
      const job = await startPhotoJob(directory, photos, actor, {
        employeeId: id,
        uploadKey,
      });
      c.header("Location", `/api/employees/${id}/photo/jobs/${job.id}`);
      return c.json({ jobId: job.id, status: job.status }, 202);
    })
    .get("/:id/photo/jobs/:jobId", async (c) => {
      const { id, actor } = await authorise(c);
      const jobId = uuidParam(c, "jobId", "photo job");
      const job = await getJob(reading(directory, actor), jobId);
      if (job.type !== "photo" || job.params.employeeId !== id) {
        throw new NotFoundError("photo job", jobId);
      }
      const employee =
        job.status === "succeeded"
          ? await getEmployee(reading(directory, actor), id)
          : undefined;
      return c.json({
        jobId,
        status: job.status,
        faces: job.status === "succeeded" ? findingOf(job.counts.faces) : null,
        error: job.error,
        photoKey: employee?.photoKey ?? null,
      });
    });
}

function assertUploadable(contentType: string, bytes: number | undefined) {
  if (contentType === "image/heic" || contentType === "image/heif") {
    throw new RosterError(
      "unsupported_media_type",
      "HEIC photos (the iPhone default) cannot be processed yet. Export the " +
        'photo as JPEG (or set the camera to "Most Compatible") and upload ' +
        "it again.",
    );
  }
  if (!(PHOTO_UPLOAD_TYPES as readonly string[]).includes(contentType)) {
    throw new RosterError(
      "unsupported_media_type",
      `A photo must be JPEG, PNG, WebP, AVIF or GIF, not ${contentType}.`,
      { accepted: PHOTO_UPLOAD_TYPES },
    );
  }
  if (bytes !== undefined && bytes > PHOTO_UPLOAD_MAX_BYTES) {
    throw new RosterError(
      "payload_too_large",
      `The photo is ${bytes} bytes; at most ${PHOTO_UPLOAD_MAX_BYTES} are ` +
        "accepted.",
      { maxBytes: PHOTO_UPLOAD_MAX_BYTES },
    );
  }
}

/** Opens the upload to see that it arrived, and closes it unread. */
async function assertUploaded(photos: PhotoDeps, key: string) {
  try {
    const body = await photos.files.read(key);
    await body[Symbol.asyncIterator]().return?.();
  } catch (error) {
    if (isRosterError(error) && error.code === "not_found") {
      throw new RosterError(
        "conflict",
        "The upload has not arrived; send the file to the upload target " +
          "first.",
      );
    }
    throw error;
  }
}

function findingOf(faces: number | undefined): FaceFinding | null {
  if (faces === undefined) return null;
  if (faces === 0) return "none";
  return faces === 1 ? "one" : "several";
}
