import {
  type ClientMessage,
  MAX_FRAME_BYTES,
  parseClientMessage,
  RosterError,
} from "@roster/core";
import {
  journalHead,
  subscribeConnection,
  touchConnection,
  unsubscribeConnection,
} from "@roster/db";
import {
  announce,
  errorReply,
  type Invocation,
  invocation,
} from "./context.js";
import type { Handler, HandlerDeps, WebSocketEvent } from "./event.js";
import { replay, reply } from "./replay.js";

type Connection = NonNullable<Awaited<ReturnType<typeof touchConnection>>>;

const UNREGISTERED = new RosterError(
  "unauthenticated",
  "This connection is no longer registered (it was silent for too long). " +
    "Reconnect with a new ticket and resume from your last seq.",
);

function bodyOf(event: WebSocketEvent): string | undefined {
  const body = event.body ?? undefined;
  if (body === undefined || !event.isBase64Encoded) return body;
  return Buffer.from(body, "base64").toString("utf8");
}

/**
 * `$default`: every client message. Each is answered on the socket; a bad
 * one gets an `error` message and the connection stays open.
 */
export function messageHandler(deps: HandlerDeps): Handler {
  return async (event) => {
    const inv = invocation(deps, event);
    let ref: string | undefined;
    try {
      const message = parseClientMessage(bodyOf(event));
      ref = message.ref;
      const connection = await touchConnection(deps.db, inv.connectionId, {
        staleAfterMs: inv.timings.staleAfterMs,
      });
      if (!connection) {
        await reply(inv, errorReply(inv, UNREGISTERED, ref));
        await inv.delivery.broadcaster.disconnect(inv.connectionId);
        return { statusCode: 200 };
      }
      if (connection.cameBack) {
        await announce(inv, [{ id: connection.employeeId, online: true }]);
      }
      await answer(inv, connection, message);
      return { statusCode: 200 };
    } catch (error) {
      await reply(inv, errorReply(inv, error, ref)).catch(() => {});
      return { statusCode: 200 };
    }
  };
}

async function answer(
  inv: Invocation,
  connection: Connection,
  message: ClientMessage,
): Promise<void> {
  const withRef = message.ref === undefined ? {} : { ref: message.ref };
  switch (message.type) {
    case "hello":
      return reply(inv, {
        type: "welcome",
        connectionId: inv.connectionId,
        userId: connection.employeeId,
        seq: await journalHead(inv.delivery.db),
        maxFrameBytes: MAX_FRAME_BYTES,
        ...inv.timings,
        ...withRef,
      });
    case "subscribe": {
      const topics = await subscribed(
        subscribeConnection(inv.delivery.db, inv.connectionId, message.topics),
      );
      // Subscribed first, then read: nothing can fall between the two.
      const seq =
        message.after === undefined
          ? await journalHead(inv.delivery.db)
          : (await replay(inv, message.after, topics, message.ref)).seq;
      return reply(inv, { type: "subscribed", topics, seq, ...withRef });
    }
    case "unsubscribe": {
      const topics = await subscribed(
        unsubscribeConnection(
          inv.delivery.db,
          inv.connectionId,
          message.topics,
        ),
      );
      return reply(inv, { type: "unsubscribed", topics, ...withRef });
    }
    case "ping":
    case "heartbeat": {
      const time = new Date().toISOString();
      if (message.after === undefined) {
        return reply(inv, { type: "pong", time, ...withRef });
      }
      const { seq } = await replay(
        inv,
        message.after,
        connection.subscriptions,
        message.ref,
      );
      return reply(inv, { type: "pong", time, seq, ...withRef });
    }
    case "resume": {
      const result = await replay(
        inv,
        message.after,
        connection.subscriptions,
        message.ref,
      );
      if (result.reloaded) return;
      return reply(inv, {
        type: "resumed",
        after: message.after,
        seq: result.seq,
        count: result.count,
        ...withRef,
      });
    }
  }
}

async function subscribed<T>(change: Promise<T | undefined>): Promise<T> {
  const topics = await change;
  if (topics === undefined) throw UNREGISTERED;
  return topics;
}
