import {
  type FileStore,
  PHOTO_FORMATS,
  PHOTO_SIZES,
  photoKeyOf,
  photoRenditionKey,
} from "@roster/core";
import { switchEmployeePhoto, transact } from "@roster/db";
import {
  type FaceDetector,
  loadFaceDetector,
  processPhoto,
} from "@roster/photos";
import { defineJob } from "../handler.js";
import { PHOTO_JOB, PhotoJobParams } from "./params.js";
import { readUpload } from "./read-upload.js";

/**
 * Builds the photo job's handler. Tests pass a detector; the worker loads
 * the bundled model once, on the first photo.
 */
export function photoJob(
  detector: () => Promise<FaceDetector> = loadFaceDetector,
) {
  return defineJob({
    type: PHOTO_JOB,
    params: PhotoJobParams,
    async run(run, { employeeId, uploadKey }) {
      const bytes = await readUpload(run.files, uploadKey);
      run.log("read", { bytes: bytes.length });
      const photo = await processPhoto(bytes, { detector: await detector() });
      run.log("processed", {
        faces: photo.faceBoxes.length,
        source: photo.source,
      });
      run.checkStopped();
      // The job's id names the set: unique, and the same on a retry.
      const photoKey = photoKeyOf(employeeId, run.job.id);
      const written: string[] = [];
      try {
        for (const rendition of photo.renditions) {
          const key = photoRenditionKey(
            photoKey,
            rendition.size,
            rendition.format,
          );
          await run.files.put(key, [rendition.bytes]);
          written.push(key);
        }
        run.checkStopped();
        const switched = await transact(run.directory, run.actor, (ctx) =>
          switchEmployeePhoto(ctx, employeeId, photoKey, photo.faces),
        );
        run.log("switched", { photoKey, version: switched.version });
        if (switched.previousKey && switched.previousKey !== photoKey) {
          await removeSet(run.files, switched.previousKey, run.log);
        }
      } catch (error) {
        // A failed photo leaves nothing behind: the profile still points
        // at the old set, and the new one's files go.
        await Promise.allSettled(written.map((key) => run.files.remove(key)));
        throw error;
      }
      await run.files.remove(uploadKey);
      return {
        counts: {
          faces: photo.faceBoxes.length,
          renditions: photo.renditions.length,
          sourceWidth: photo.source.width,
          sourceHeight: photo.source.height,
        },
      };
    },
  });
}

/**
 * Removes a replaced rendition set. Its URLs were cached as immutable, so
 * a browser holding one keeps its copy; new page loads use the new set.
 */
async function removeSet(
  files: FileStore,
  photoKey: string,
  log: (step: string, fields?: Record<string, unknown>) => void,
): Promise<void> {
  const keys = PHOTO_SIZES.flatMap((size) =>
    PHOTO_FORMATS.map((format) => photoRenditionKey(photoKey, size, format)),
  );
  const results = await Promise.allSettled(keys.map((k) => files.remove(k)));
  const failed = results.filter((r) => r.status === "rejected").length;
  if (failed > 0) log("cleanup", { photoKey, failed });
}
