import type { RealtimeTimings } from "@roster/core";
import type { RawData, WebSocket } from "ws";
import type { HandlerResult, RealtimeHandlers } from "../handlers/index.js";
import { type Identity, lambdaEvent } from "./lambda-events.js";
import type { LiveSocket } from "./management-api.js";

/** What API Gateway knows about a connection from its upgrade on. */
export interface SocketOrigin {
  connectionId: string;
  domainName: string;
  connectedAt: number;
  identity: Identity;
}

/** What running a socket needs from the server that accepted it. */
export interface SocketHost {
  handlers: RealtimeHandlers;
  timings: RealtimeTimings;
  sockets: Map<string, LiveSocket>;
  /** Keeps a handler's work in view (and logs its failure). */
  track(work: Promise<unknown>): void;
}

const bytesOf = (data: RawData) =>
  Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);

/** `$disconnect` for a connection, as API Gateway reports a close. */
export function disconnectEvent(
  host: SocketHost,
  origin: SocketOrigin,
  code: number,
  reason: string,
): Promise<HandlerResult> {
  return host.handlers.disconnect(
    lambdaEvent({
      ...origin,
      routeKey: "$disconnect",
      disconnect: { code, reason },
    }),
  );
}

/**
 * Runs an accepted socket as API Gateway would: each frame goes to
 * `$default` in order, a close to `$disconnect`, and the idle timeout
 * and the connection lifetime close it with 1001.
 */
export function runSocket(
  host: SocketHost,
  ws: WebSocket,
  origin: SocketOrigin,
): void {
  const { timings, sockets } = host;
  const live: LiveSocket = { ...origin, ws, lastActiveAt: Date.now() };
  sockets.set(origin.connectionId, live);
  const goAway = () => ws.close(1001, "Going away");
  let idle = setTimeout(goAway, timings.idleTimeoutMs);
  const lifetime = setTimeout(goAway, timings.maxConnectionMs);
  // One message at a time per socket, so replies keep their order.
  let queue: Promise<unknown> = Promise.resolve();
  ws.on("message", (data, isBinary) => {
    live.lastActiveAt = Date.now();
    clearTimeout(idle);
    idle = setTimeout(goAway, timings.idleTimeoutMs);
    const bytes = bytesOf(data);
    const event = lambdaEvent({
      ...origin,
      routeKey: "$default",
      body: isBinary ? bytes.toString("base64") : bytes.toString("utf8"),
      isBase64Encoded: isBinary,
    });
    queue = queue.then(() => host.handlers.message(event));
    host.track(queue);
    queue = queue.catch(() => {});
  });
  ws.on("close", (code, reason) => {
    clearTimeout(idle);
    clearTimeout(lifetime);
    sockets.delete(origin.connectionId);
    host.track(
      queue.then(() => disconnectEvent(host, origin, code, reason.toString())),
    );
  });
  ws.on("error", () => {});
}
