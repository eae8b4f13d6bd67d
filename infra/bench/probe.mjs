// Runs in a fresh Node process: imports one bundled handler, answers one
// event and writes the timings as JSON to a file (stdout is the
// handler's log). `performance.now()` counts from the process's start,
// so the first figure is Node's own start-up.
import { writeFileSync } from "node:fs";

const [file, exportName, eventJson, resultFile] = process.argv.slice(2);
const started = performance.now();
const module = await import(file);
const imported = performance.now();
const result = await module[exportName](JSON.parse(eventJson), {
  awsRequestId: "bench",
  functionName: "bench",
  getRemainingTimeInMillis: () => 30_000,
});
const answered = performance.now();
writeFileSync(
  resultFile,
  JSON.stringify({
    nodeMs: started,
    importMs: imported - started,
    answerMs: answered - imported,
    firstAnswerMs: answered - started,
    statusCode: result?.statusCode,
  }),
);
