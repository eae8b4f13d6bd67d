import { useEffect, useState } from "react";
import { cancelJob, getJob, type Job, retryJob } from "../../api/imports";
import { type ProgressUnit, progressText } from "../../lib/import-text";
import { useLiveRefresh } from "../../realtime/use-live-refresh";

const POLL_MS = 1000;

/**
 * Follows a job until it ends: polls its status, and refreshes at once
 * when a live `job.progress` or `job.finished` event for it arrives.
 */
export function useJob(id: string | undefined): [Job | undefined, () => void] {
  const [job, setJob] = useState<Job>();
  const [tick, setTick] = useState(0);
  useLiveRefresh(
    () => setTick((t) => t + 1),
    (e) =>
      (e.type === "job.progress" || e.type === "job.finished") && e.id === id,
  );
  // `tick` restarts the polling: a live event or a retry asks for it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!id) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const next = await getJob(id, controller.signal);
        setJob(next);
        if (next.status === "queued" || next.status === "running") {
          timer = setTimeout(load, POLL_MS);
        }
      } catch {
        if (!controller.signal.aborted) timer = setTimeout(load, POLL_MS);
      }
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, tick]);
  const reload = () => setTick((t) => t + 1);
  return [job?.id === id ? job : undefined, reload];
}

/**
 * A job's progress bar, in words as well (the file read for a preview,
 * rows for an apply), its failure and, for a dead worker, a retry.
 */
export function JobProgress({
  job,
  label,
  unit,
  onChanged,
}: {
  job: Job;
  label: string;
  unit: ProgressUnit;
  onChanged: () => void;
}) {
  const [retrying, setRetrying] = useState(false);
  const total = job.progress.total ?? 0;
  const done = job.status === "succeeded" ? total : job.progress.done;
  const text = progressText(job, unit);
  return (
    <div className="job-progress">
      <label className="job-progress__label">
        <span>
          <strong>{label}:</strong> {text}
        </span>
        <progress
          className="job-progress__bar"
          max={total || 1}
          value={job.status === "succeeded" ? total || 1 : done}
          aria-valuetext={text}
          data-status={job.status}
        />
      </label>
      {job.status === "failed" && (
        <p role="alert" className="form-error">
          {job.error ?? "The job failed."}
        </p>
      )}
      {(job.status === "queued" || job.status === "running") && !job.dead && (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void cancelJob(job.id).then(onChanged)}
        >
          Cancel
        </button>
      )}
      {job.status === "cancelled" && (
        <p role="status">Cancelled; what was already written stays.</p>
      )}
      {(job.status === "failed" || job.dead) && (
        <button
          type="button"
          className="button"
          disabled={retrying}
          onClick={() => {
            setRetrying(true);
            void retryJob(job.id)
              .then(onChanged)
              .finally(() => setRetrying(false));
          }}
        >
          {job.dead ? "The worker stopped; retry" : "Retry"}
        </button>
      )}
    </div>
  );
}
