import { FACE_FINDINGS, JOB_STATES, PHOTO_UPLOAD_TYPES } from "@roster/core";
import * as z from "zod";
import type { Operation } from "../../openapi/operations.js";

const UploadTarget = z.object({
  url: z.string(),
  method: z.literal("POST"),
  fields: z.record(z.string(), z.string()),
  key: z.string(),
  contentType: z.string(),
  maxBytes: z.int(),
  expiresAt: z.string(),
});

const photo = "/api/employees/{id}/photo";

/** The photo and vCard routes, for the OpenAPI document. */
export const photoOperations: Operation[] = [
  {
    method: "post",
    path: `${photo}/uploads`,
    tag: "Photos",
    summary:
      "Get a presigned form upload for a new photo (yourself, or HR and " +
      "admins), bounded to its content type and 25 MB",
    body: z.object({
      contentType: z.enum(PHOTO_UPLOAD_TYPES),
      bytes: z.int().positive().optional(),
    }),
    status: 201,
    response: z.object({ uploadId: z.uuid(), upload: UploadTarget }),
    errors: [400, 403, 404, 413, 415, 503],
  },
  {
    method: "post",
    path: photo,
    tag: "Photos",
    summary:
      "Process an uploaded photo; the profile switches to it once the " +
      "job succeeds, and a failed photo changes nothing",
    body: z.object({ uploadId: z.uuid() }),
    status: 202,
    response: z.object({ jobId: z.uuid(), status: z.enum(JOB_STATES) }),
    errors: [400, 403, 404, 409, 415, 503],
  },
  {
    method: "get",
    path: `${photo}/jobs/{jobId}`,
    tag: "Photos",
    summary: "Follow a photo job: its state, faces found and the new photo",
    status: 200,
    response: z.object({
      jobId: z.uuid(),
      status: z.enum(JOB_STATES),
      faces: z.enum(FACE_FINDINGS).nullable(),
      error: z.string().nullable(),
      photoKey: z.string().nullable(),
    }),
    errors: [403, 404, 503],
  },
  {
    method: "get",
    path: "/api/photos/{employeeId}/{setId}/{file}",
    tag: "Photos",
    summary:
      "One rendition, `<size>.<format>` with size 64, 128, 256 or 512 and " +
      "format avif, webp or jpeg; cached for a year",
    status: 200,
    errors: [400, 404, 503],
  },
  {
    method: "get",
    path: "/api/employees/{id}/vcard",
    tag: "People",
    summary: "One person as a vCard 4.0 download",
    status: 200,
    errors: [404],
  },
  {
    method: "get",
    path: "/api/vcards",
    tag: "People",
    summary:
      "Everyone matching the directory's filters as one vCard 4.0 file " +
      "(at most 5,000 people)",
    query: z.object({
      q: z.string().optional(),
      department: z.array(z.uuid()).optional(),
      location: z.array(z.uuid()).optional(),
      title: z.array(z.string()).optional(),
      skill: z.array(z.string()).optional(),
    }),
    status: 200,
    errors: [400, 413],
  },
];
