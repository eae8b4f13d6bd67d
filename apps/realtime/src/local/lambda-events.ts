import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { WebSocketEvent } from "../handlers/index.js";

/** The local stand-in for API Gateway's stage name. */
export const LOCAL_STAGE = "local";

/** A fresh id in API Gateway's style, with characters URLs must encode. */
export function newConnectionId(): string {
  return randomBytes(11).toString("base64");
}

/** Who opened a socket, as API Gateway reports it. */
export interface Identity {
  sourceIp: string;
  userAgent: string;
}

/** The identity of an upgrade request. */
export function identityOf(req: IncomingMessage): Identity {
  return {
    sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
    userAgent: req.headers["user-agent"] ?? "",
  };
}

interface EventParts {
  routeKey: "$connect" | "$disconnect" | "$default";
  connectionId: string;
  domainName: string;
  connectedAt: number;
  identity: Identity;
  query?: URLSearchParams;
  headers?: IncomingMessage["headers"];
  body?: string;
  isBase64Encoded?: boolean;
  disconnect?: { code: number; reason: string };
}

const EVENT_TYPE = {
  $connect: "CONNECT",
  $disconnect: "DISCONNECT",
  $default: "MESSAGE",
} as const;

/** Builds the Lambda event API Gateway would send for a socket event. */
export function lambdaEvent(parts: EventParts): WebSocketEvent {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parts.headers ?? {})) {
    if (typeof value === "string") headers[name] = value;
  }
  return {
    requestContext: {
      routeKey: parts.routeKey,
      eventType: EVENT_TYPE[parts.routeKey],
      connectionId: parts.connectionId,
      domainName: parts.domainName,
      stage: LOCAL_STAGE,
      requestId: randomUUID(),
      connectedAt: parts.connectedAt,
      requestTimeEpoch: Date.now(),
      identity: parts.identity,
      ...(parts.disconnect
        ? {
            disconnectStatusCode: parts.disconnect.code,
            disconnectReason: parts.disconnect.reason,
          }
        : {}),
    },
    queryStringParameters: parts.query ? Object.fromEntries(parts.query) : null,
    headers: parts.routeKey === "$connect" ? headers : null,
    body: parts.body ?? null,
    isBase64Encoded: parts.isBase64Encoded ?? false,
  };
}
