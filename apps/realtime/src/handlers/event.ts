import type { RealtimeTimings } from "@roster/core";
import type { Database } from "@roster/db";
import type { Broadcaster, Logger } from "@roster/events";

/**
 * The parts of API Gateway's WebSocket Lambda event the handlers read;
 * the local server builds the same shape from socket events.
 */
export interface WebSocketEvent {
  requestContext: {
    routeKey: string;
    eventType: "CONNECT" | "DISCONNECT" | "MESSAGE";
    connectionId: string;
    domainName: string;
    stage: string;
    requestId?: string;
    connectedAt?: number;
    requestTimeEpoch?: number;
    disconnectStatusCode?: number;
    disconnectReason?: string;
    identity?: { sourceIp?: string; userAgent?: string };
  };
  queryStringParameters?: Record<string, string | undefined> | null;
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** What a handler answers API Gateway with. */
export interface HandlerResult {
  statusCode: number;
  body?: string;
}

/** What the handlers need from their host, in AWS or on a laptop. */
export interface HandlerDeps {
  db: Database;
  /** The broadcaster for the API an event came through. */
  broadcasterFor(event: WebSocketEvent): Broadcaster;
  /** Shorter intervals for tests; deployments keep the defaults. */
  timings?: Partial<RealtimeTimings>;
  concurrency?: number;
  logger?: Logger;
}

export type Handler = (event: WebSocketEvent) => Promise<HandlerResult>;
