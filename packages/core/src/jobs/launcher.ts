/** What a launcher needs to start a worker on one job. */
export interface JobLaunch {
  jobId: string;
  /** The job's attempt number; each attempt is launched once. */
  attempt: number;
}

/** Where a launched worker runs: an ECS task ARN, a local process id. */
export interface LaunchedWorker {
  ref: string;
}

/**
 * Starts a worker that runs one job and exits: an ECS Fargate task in AWS,
 * a child process locally. A launch that cannot start a worker throws a
 * `JobLaunchError` saying why; the job is then marked failed with it.
 */
export interface JobLauncher {
  launch(request: JobLaunch): Promise<LaunchedWorker>;
}

/** A worker could not be started; `message` is the reason to record. */
export class JobLaunchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "JobLaunchError";
  }
}
