import { randomBytes } from "node:crypto";
import type { JobLauncher } from "@roster/core";
import { signedLocalIssuer } from "@roster/storage";
import { folderFileStore } from "@roster/worker/files";
import type { PhotoDeps } from "../routes/photos/index.js";

export interface LocalPhotoOptions {
  /** The folder uploads and renditions live in, shared with the worker. */
  filesDir: string;
  /**
   * Starts the worker for each photo: the local jobs launcher, a child
   * process with a database server or this process on the embedded one.
   */
  launcher: JobLauncher;
}

/**
 * Photos on one machine: a folder for files, uploads signed for the local
 * upload route, and the worker started the way every local job is.
 */
export function localPhotoDeps(options: LocalPhotoOptions): PhotoDeps {
  // A fresh secret per start: a target issued before a restart stops
  // working, which its ten-minute lifetime makes harmless.
  const secret = randomBytes(32).toString("base64url");
  return {
    files: folderFileStore(options.filesDir),
    uploads: signedLocalIssuer({ url: "/api/uploads", secret }),
    launcher: options.launcher,
    localUploadSecret: secret,
  };
}
