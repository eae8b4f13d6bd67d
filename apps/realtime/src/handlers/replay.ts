import {
  encodeServerMessage,
  packEvents,
  type ServerMessage,
  type Topic,
} from "@roster/core";
import { readJournal } from "@roster/db";
import type { Invocation } from "./context.js";

/** Sends one message to the invoking connection, through the frame guard. */
export async function reply(inv: Invocation, message: ServerMessage) {
  await inv.delivery.broadcaster.post(
    inv.connectionId,
    encodeServerMessage(message),
  );
}

/**
 * Sends what the connection missed on `topics` since `after`, in frames
 * that fit, or a `reload` when the journal cannot say. Answers the
 * watermark the replay is good up to.
 */
export async function replay(
  inv: Invocation,
  after: number,
  topics: readonly Topic[],
  ref: string | undefined,
): Promise<{ seq: number; count: number; reloaded: boolean }> {
  const slice = await readJournal(inv.delivery.db, after, topics);
  if (slice.outcome !== "complete") {
    await reply(inv, {
      type: "reload",
      reason: slice.outcome,
      seq: slice.head,
      ...(ref === undefined ? {} : { ref }),
    });
    return { seq: slice.head, count: 0, reloaded: true };
  }
  for (const events of packEvents(slice.events)) {
    await reply(inv, { type: "events", events, replay: true });
  }
  return { seq: slice.head, count: slice.events.length, reloaded: false };
}
