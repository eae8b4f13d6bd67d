import { type FileStore, type JobLauncher, RosterError } from "@roster/core";
import type { UploadIssuer } from "@roster/storage";

/** What the photo routes need besides the directory. */
export interface PhotoDeps {
  /** Where uploads wait and renditions live: a folder, or a bucket. */
  files: FileStore;
  /** Hands out upload targets: S3 POST policies, or the local route's. */
  uploads: UploadIssuer;
  /** Starts the worker that processes an upload. */
  launcher: JobLauncher;
  /** Set locally only: the local upload route checks this HMAC secret. */
  localUploadSecret?: string;
}

/**
 * The photo deps, or a 503 where none are configured: the routes exist
 * everywhere, so the API's shape does not depend on the deployment.
 */
export function requirePhotos(photos: PhotoDeps | undefined): PhotoDeps {
  if (photos) return photos;
  throw new RosterError(
    "unavailable",
    "Photos are not set up on this server yet.",
  );
}
