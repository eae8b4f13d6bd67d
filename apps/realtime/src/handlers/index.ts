import { connectHandler, disconnectHandler } from "./connect.js";
import type { Handler, HandlerDeps } from "./event.js";
import { messageHandler } from "./message.js";

export type {
  Handler,
  HandlerDeps,
  HandlerResult,
  WebSocketEvent,
} from "./event.js";

/** The three WebSocket routes, built once per process from `deps`. */
export interface RealtimeHandlers {
  connect: Handler;
  disconnect: Handler;
  message: Handler;
}

/**
 * Builds the `$connect`, `$disconnect` and `$default` handlers. The same
 * handlers run on Lambda and under the local server.
 */
export function createHandlers(deps: HandlerDeps): RealtimeHandlers {
  return {
    connect: connectHandler(deps),
    disconnect: disconnectHandler(deps),
    message: messageHandler(deps),
  };
}
