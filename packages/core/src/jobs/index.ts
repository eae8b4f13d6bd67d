export { assertCanManageJobs } from "./access.js";
export {
  DirectoryExportParams,
  ImportApplyParams,
  ImportPreviewParams,
  JOB_TYPES,
} from "./import-params.js";
export {
  type JobLaunch,
  JobLaunchError,
  type JobLauncher,
  type LaunchedWorker,
} from "./launcher.js";
export {
  assertCanCancel,
  assertCanRetry,
  HEARTBEAT_TIMEOUT_MS,
  isDead,
  isEnded,
  JOB_STATES,
  type JobLiveness,
  type JobState,
} from "./status.js";
export { type Job, type JobProgress, JobType } from "./types.js";
