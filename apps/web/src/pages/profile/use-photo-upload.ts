import { useCallback, useEffect, useRef, useState } from "react";
import {
  completePhotoUpload,
  getPhotoJob,
  type PhotoJobStatus,
  requestPhotoUpload,
  sendPhoto,
} from "../../api/photos";
import { errorMessage } from "../../components/states";
import { type FaceFinding, photoFileProblem } from "../../lib/photo";

export type PhotoUploadState =
  | { step: "idle" }
  | { step: "uploading"; progress: number }
  | { step: "processing" }
  | { step: "done"; photoKey: string; faces: FaceFinding | null }
  | { step: "failed"; message: string };

const POLL_MS = 1_000;
/** A photo takes a second or two; past this something is wrong. */
const GIVE_UP_MS = 120_000;

const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => clearTimeout(timer));
  });

/**
 * Checks a picked file, uploads it to its presigned target, queues the
 * processing and follows the job until the new photo is ready.
 */
export function usePhotoUpload(personId: string) {
  const [state, setState] = useState<PhotoUploadState>({ step: "idle" });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);

  const upload = useCallback(
    async (file: File) => {
      const problem = photoFileProblem(file);
      if (problem) {
        setState({ step: "failed", message: problem });
        return;
      }
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      const { signal } = controller;
      try {
        setState({ step: "uploading", progress: 0 });
        const { uploadId, upload: target } = await requestPhotoUpload(
          personId,
          file,
        );
        await sendPhoto(
          target,
          file,
          (progress) => setState({ step: "uploading", progress }),
          signal,
        );
        setState({ step: "processing" });
        const { jobId } = await completePhotoUpload(personId, uploadId);
        const job = await follow(personId, jobId, signal);
        if (job.status === "succeeded" && job.photoKey) {
          setState({ step: "done", photoKey: job.photoKey, faces: job.faces });
        } else {
          setState({
            step: "failed",
            message: job.error ?? "The photo could not be processed.",
          });
        }
      } catch (error) {
        if (signal.aborted) return;
        setState({ step: "failed", message: errorMessage(error) });
      }
    },
    [personId],
  );

  return { state, upload };
}

async function follow(
  personId: string,
  jobId: string,
  signal: AbortSignal,
): Promise<PhotoJobStatus> {
  const started = Date.now();
  for (;;) {
    const job = await getPhotoJob(personId, jobId, signal);
    if (job.status !== "queued" && job.status !== "running") return job;
    if (Date.now() - started > GIVE_UP_MS) {
      return {
        ...job,
        error:
          "The photo is taking unusually long; reload the page in a minute.",
      };
    }
    await wait(POLL_MS, signal);
    if (signal.aborted) throw new DOMException("Aborted", "AbortError");
  }
}
