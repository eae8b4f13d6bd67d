export { inProcessLauncher } from "./in-process.js";
export {
  type LocalLauncherOptions,
  localLauncher,
  WORKER_ENTRY,
} from "./local.js";
