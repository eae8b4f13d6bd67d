import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import {
  DEFAULT_REALTIME_TIMINGS,
  MAX_MESSAGE_BYTES,
  type RealtimeTimings,
  SWEEP_INTERVAL_MS,
} from "@roster/core";
import type { Database } from "@roster/db";
import {
  LOCAL_CREDENTIALS,
  type Logger,
  managementApiBroadcaster,
  type SweepReport,
  sweepConnections,
} from "@roster/events";
import { WebSocketServer } from "ws";
import { createHandlers, type HandlerResult } from "../handlers/index.js";
import { identityOf, lambdaEvent, newConnectionId } from "./lambda-events.js";
import { type LiveSocket, managementApi } from "./management-api.js";
import {
  disconnectEvent,
  runSocket,
  type SocketHost,
  type SocketOrigin,
} from "./socket.js";

/** How to run the local stand-in for API Gateway's WebSocket API. */
export interface LocalRealtimeOptions {
  db: Database;
  /** 8788 by default; 0 picks a free port, kept across restarts. */
  port?: number;
  host?: string;
  /** Shorter intervals for tests; `pnpm dev` keeps API Gateway's. */
  timings?: Partial<RealtimeTimings>;
  sweepIntervalMs?: number;
  concurrency?: number;
  logger?: Logger;
}

/** A running local realtime server, stoppable and restartable. */
export interface LocalRealtime {
  /** Where clients connect: `ws://127.0.0.1:<port>`. */
  readonly url: string;
  /** Where the SDK posts: `http://127.0.0.1:<port>`. */
  readonly managementEndpoint: string;
  readonly running: boolean;
  readonly openSockets: number;
  start(): Promise<void>;
  /** Closes every socket (running `$disconnect` for each) and the port. */
  stop(): Promise<void>;
  /** Runs the periodic sweep now. */
  sweep(): Promise<SweepReport>;
}

const STATUS_TEXT: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

function refuse(socket: Duplex, result: HandlerResult) {
  const body = result.body ?? "";
  const text = STATUS_TEXT[result.statusCode] ?? "Refused";
  socket.end(
    `HTTP/1.1 ${result.statusCode} ${text}\r\nConnection: close\r\n` +
      "Content-Type: application/json\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * Starts the local WebSocket server. It turns socket events into API
 * Gateway's Lambda events for the same handlers that run on Lambda, and
 * serves the management API they (through the real SDK) post replies to.
 */
export async function startLocalRealtime(
  options: LocalRealtimeOptions,
): Promise<LocalRealtime> {
  const host = options.host ?? "127.0.0.1";
  let port = options.port ?? 8788;
  const timings = { ...DEFAULT_REALTIME_TIMINGS, ...options.timings };
  const sockets = new Map<string, LiveSocket>();
  const settling = new Set<Promise<unknown>>();
  const log = options.logger ?? (() => {});
  let broadcaster = managementApiBroadcaster({
    endpoint: `http://${host}:${port}`,
    credentials: LOCAL_CREDENTIALS,
  });
  const deps = {
    db: options.db,
    broadcasterFor: () => broadcaster,
    timings,
    logger: log,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  };
  const handlers = createHandlers(deps);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
  });
  let server: Server | undefined;
  let sweeper: NodeJS.Timeout | undefined;

  const track = (work: Promise<unknown>) => {
    const settled: Promise<unknown> = work
      .catch((error: unknown) =>
        log({
          level: "error",
          message: "A socket event failed",
          error: String(error),
        }),
      )
      .finally(() => settling.delete(settled));
    settling.add(settled);
  };
  const socketHost: SocketHost = { handlers, timings, sockets, track };

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on("error", () => {});
    const url = new URL(req.url ?? "/", "http://local");
    if (url.pathname !== "/") return refuse(socket, { statusCode: 404 });
    const origin: SocketOrigin = {
      connectionId: newConnectionId(),
      domainName: `${host}:${port}`,
      connectedAt: Date.now(),
      identity: identityOf(req),
    };
    const result = await handlers
      .connect(
        lambdaEvent({
          ...origin,
          routeKey: "$connect",
          query: url.searchParams,
          headers: req.headers,
        }),
      )
      .catch((): HandlerResult => ({ statusCode: 500 }));
    if (result.statusCode !== 200) return refuse(socket, result);
    if (socket.destroyed || !server?.listening) {
      socket.destroy();
      const gone = "Closed before the upgrade finished";
      return track(disconnectEvent(socketHost, origin, 1006, gone));
    }
    wss.handleUpgrade(req, socket, head, (ws) =>
      runSocket(socketHost, ws, origin),
    );
  }

  async function start() {
    if (server?.listening) return;
    const next = createServer(managementApi(sockets));
    next.on("upgrade", (req, socket, head) => {
      void upgrade(req, socket, head).catch(() => socket.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      next.once("error", reject);
      next.listen(port, host, () => resolve());
    });
    server = next;
    port = (next.address() as AddressInfo).port;
    broadcaster.destroy();
    broadcaster = managementApiBroadcaster({
      endpoint: `http://${host}:${port}`,
      credentials: LOCAL_CREDENTIALS,
    });
    sweeper = setInterval(() => {
      void sweep().catch((error) =>
        log({ level: "error", message: "Sweep failed", error: String(error) }),
      );
    }, options.sweepIntervalMs ?? SWEEP_INTERVAL_MS);
    sweeper.unref();
  }

  async function stop() {
    const current = server;
    if (!current) return;
    server = undefined;
    clearInterval(sweeper);
    for (const live of sockets.values()) live.ws.close(1001, "Going away");
    // Give clients a moment to finish the closing handshake, then cut.
    for (let i = 0; i < 20 && sockets.size > 0; i++) await sleep(25);
    for (const live of sockets.values()) live.ws.terminate();
    while (settling.size > 0) await Promise.allSettled([...settling]);
    await new Promise<void>((resolve) => {
      current.close(() => resolve());
      current.closeAllConnections();
    });
  }

  const sweep = () =>
    sweepConnections({
      db: options.db,
      broadcaster,
      staleAfterMs: timings.staleAfterMs,
      logger: log,
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });

  await start();
  return {
    get url() {
      return `ws://${host}:${port}`;
    },
    get managementEndpoint() {
      return `http://${host}:${port}`;
    },
    get running() {
      return server?.listening ?? false;
    },
    get openSockets() {
      return sockets.size;
    },
    start,
    stop,
    sweep,
  };
}
