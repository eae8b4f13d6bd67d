import { database } from "./database";
import { lambdaDefaults } from "./functions";
import { afterMigrations } from "./migrations";

/**
 * The live-updates WebSocket API. Each route links the API itself, which
 * grants `execute-api:ManageConnections` on it and hands the handler its
 * management endpoint, so it can post back to its own connections.
 */
export const realtime = new sst.aws.ApiGatewayWebSocket("Realtime");

const handlers = "apps/realtime/src/lambda";

function realtimeFunction(entry: string): sst.aws.FunctionArgs {
  return {
    ...lambdaDefaults,
    handler: `${handlers}.${entry}`,
    link: [realtime, database],
    timeout: "30 seconds",
    transform: afterMigrations,
  };
}

realtime.route("$connect", realtimeFunction("connect"));
realtime.route("$disconnect", realtimeFunction("disconnect"));
realtime.route("$default", realtimeFunction("message"));

/** Closes stale connections and trims the journal and tickets. */
export const realtimeSweep = new sst.aws.Cron("RealtimeSweep", {
  schedule: "rate(1 minute)",
  function: { ...realtimeFunction("sweep"), timeout: "50 seconds" },
});
