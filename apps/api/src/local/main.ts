import { describeImportReport } from "@roster/core";
import { startLocalStack } from "./index.js";

// `pnpm dev`: the API on its port with the sample company loaded on first
// start; the Vite dev server in apps/web serves the UI and proxies /api.
const stack = await startLocalStack({ seed: true });
if (stack.seedReport) {
  console.log("Loaded the sample company:");
  for (const line of describeImportReport(stack.seedReport)) {
    console.log(`  ${line}`);
  }
}
const uiPort = process.env.ROSTER_WEB_PORT ?? "5173";
console.log(
  `Roster API listening on ${stack.url}/api (docs: ${stack.url}/api/docs)`,
);
console.log(`Live updates on ${stack.realtime.url}`);
console.log(
  stack.identityProvider
    ? `Sign in through the local identity provider at ${stack.identityProvider}`
    : "Sign-in skipped (act-as mode): acting as the local admin",
);
console.log(`Open Roster at http://127.0.0.1:${uiPort}/`);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`Received ${signal}; closing the local database cleanly.`);
  await stack.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
