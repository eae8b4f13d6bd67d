/** One structured log line: job id, step, outcome, duration. */
export type WorkerLogger = (entry: Record<string, unknown>) => void;

/** Writes each entry as one JSON line on standard output. */
export const jsonLineLogger: WorkerLogger = (entry) => {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`,
  );
};
