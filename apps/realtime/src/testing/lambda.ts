import { randomUUID } from "node:crypto";
import type { Frame, ServerMessage } from "@roster/core";
import { issueTicket, presenceOf, reading } from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import type { Broadcaster, Delivery } from "@roster/events";
import { createHandlers, type WebSocketEvent } from "../handlers/index.js";

/** The broadcaster port, recording in memory instead of posting. */
export class RecordingBroadcaster implements Broadcaster {
  readonly sent = new Map<string, ServerMessage[]>();
  readonly closed: string[] = [];
  async post(id: string, frame: Frame): Promise<Delivery> {
    const list = this.sent.get(id) ?? [];
    list.push(JSON.parse(frame));
    this.sent.set(id, list);
    return "delivered";
  }
  async disconnect(id: string): Promise<Delivery> {
    this.closed.push(id);
    return "delivered";
  }
  /** What one connection was sent, parsed, in order. */
  of(id: string): ServerMessage[] {
    return this.sent.get(id) ?? [];
  }
}

const EVENT_TYPE = {
  $connect: "CONNECT",
  $disconnect: "DISCONNECT",
  $default: "MESSAGE",
} as const;

/** An API Gateway WebSocket event, as Lambda receives it in AWS. */
export function gatewayEvent(
  routeKey: keyof typeof EVENT_TYPE,
  connectionId: string,
  extra: Partial<WebSocketEvent> = {},
): WebSocketEvent {
  return {
    requestContext: {
      routeKey,
      eventType: EVENT_TYPE[routeKey],
      connectionId,
      domainName: "abc123.execute-api.eu-west-1.amazonaws.com",
      stage: "prod",
      requestTimeEpoch: Date.now(),
    },
    ...extra,
  };
}

/**
 * The handlers on a test's own database, with a recording gateway and
 * helpers to connect and to speak as a client.
 */
export async function openHandlerWorld() {
  const handle = await openTestDatabase();
  const gateway = new RecordingBroadcaster();
  const endpoints: string[] = [];
  const handlers = createHandlers({
    db: handle.db,
    broadcasterFor: (event) => {
      endpoints.push(event.requestContext.domainName);
      return gateway;
    },
  });
  const directory = { db: handle.db, events: { publish: async () => {} } };
  const as = (id: string) => reading(directory, { id, role: "employee" });
  const ticketFor = async (employeeId: string) =>
    (await issueTicket(as(employeeId))).ticket;
  return {
    handle,
    gateway,
    endpoints,
    handlers,
    directory,
    as,
    ticketFor,
    /** Sends one client frame to `$default`. */
    say: (id: string, body: unknown) =>
      handlers.message(
        gatewayEvent("$default", id, {
          body: typeof body === "string" ? body : JSON.stringify(body),
        }),
      ),
    online: async (id: string) => (await presenceOf(as(id), [id]))[0]?.online,
    /** Connects a fresh connection for `employeeId` with a fresh ticket. */
    connected: async (employeeId: string = randomUUID()) => {
      const id = `${randomUUID().slice(0, 10)}=`;
      const ticket = await ticketFor(employeeId);
      const result = await handlers.connect(
        gatewayEvent("$connect", id, { queryStringParameters: { ticket } }),
      );
      if (result.statusCode !== 200) {
        throw new Error(`$connect answered ${result.statusCode}`);
      }
      return { id, employeeId };
    },
    close: () => handle.close(),
  };
}
