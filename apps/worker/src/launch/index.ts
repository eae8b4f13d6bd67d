export { type EcsLauncherOptions, ecsLauncher } from "./ecs.js";
export { inProcessLauncher } from "./in-process.js";
export {
  type LocalLauncherOptions,
  localLauncher,
  WORKER_ENTRY,
} from "./local.js";
