export { RealtimeClient, type RealtimeClientOptions } from "./client.js";
export { LOCAL_STAGE } from "./lambda-events.js";
export {
  type LocalRealtime,
  type LocalRealtimeOptions,
  startLocalRealtime,
} from "./server.js";
