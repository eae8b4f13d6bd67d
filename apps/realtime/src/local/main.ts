import { openDatabase } from "@roster/db";
import { jsonLineLogger } from "../lambda-setup.js";
import { startLocalRealtime } from "./server.js";

// `pnpm --filter @roster/realtime start`: the realtime server on its own,
// beside an API that shares the same PostgreSQL server.
const url = process.env.DATABASE_URL?.trim();
if (!url) {
  console.error(
    "Set DATABASE_URL to the PostgreSQL database the API uses; the " +
      "embedded database can be opened by one process only.",
  );
  process.exit(2);
}
const port = Number(process.env.ROSTER_REALTIME_PORT ?? 8788);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`ROSTER_REALTIME_PORT must be a port number, not ${port}.`);
  process.exit(2);
}
const handle = await openDatabase({ url });
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
