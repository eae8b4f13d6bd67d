import type { LaunchedWorker } from "@roster/core";
import { localLauncher } from "../src/launch/index.js";

/** A worker child process under test, and how it ended. */
export interface TestWorker {
  pid: number;
  exited: Promise<{ code: number | null; signal: string | null }>;
  logs: string[];
}

/** Starts the real worker entry for `jobId` as a child process. */
export async function startWorker(
  jobId: string,
  env: Record<string, string>,
): Promise<TestWorker> {
  const logs: string[] = [];
  let settle: (ending: { code: number | null; signal: string | null }) => void =
    () => {};
  const exited = new Promise<{ code: number | null; signal: string | null }>(
    (resolve) => {
      settle = resolve;
    },
  );
  const launcher = localLauncher({
    env,
    onLog: (line) => logs.push(line),
    onExit: (_worker: LaunchedWorker, code, signal) => settle({ code, signal }),
  });
  const worker = await launcher.launch({ jobId, attempt: 1 });
  return { pid: Number(worker.ref.replace("pid:", "")), exited, logs };
}
