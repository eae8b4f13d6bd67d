import { readRealtimeSettings, SettingsError } from "@roster/config";
import { openDatabase } from "@roster/db";
import { jsonLineLogger } from "../lambda-setup.js";
import { startLocalRealtime } from "./server.js";

// `pnpm --filter @roster/realtime start`: the realtime server on its own,
// beside an API that shares the same PostgreSQL server (the embedded
// database can be opened by one process only).
function settingsOrExit() {
  try {
    return readRealtimeSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
const { databaseUrl: url, maxConnections, port } = settingsOrExit();
const handle = await openDatabase({ url, maxConnections });
await handle.migrate();
const realtime = await startLocalRealtime({
  db: handle.db,
  port,
  logger: jsonLineLogger,
});
console.log(
  `Roster realtime listening on ${realtime.url} ` +
    `(management API: ${realtime.managementEndpoint})`,
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`Received ${signal}; closing every socket.`);
  await realtime.stop();
  await handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
