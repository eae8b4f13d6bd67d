import type { SequencedEvent } from "../events/index.js";
import { MAX_FRAME_BYTES } from "./constants.js";
import type { ServerMessage } from "./messages.js";

declare const frameBrand: unique symbol;

/** A server message serialised by `encodeServerMessage`, and only by it. */
export type Frame = string & { readonly [frameBrand]: true };

const encoder = new TextEncoder();

/** The size of `text` on the wire, in UTF-8 bytes. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).byteLength;
}

/**
 * The one way a server message reaches the wire. A message that would not
 * fit in one API Gateway frame (a rename touching two thousand people, say)
 * becomes a compact hint to refetch instead, so nothing is ever cut off.
 */
export function encodeServerMessage(
  message: ServerMessage,
  limit = MAX_FRAME_BYTES,
): Frame {
  const text = JSON.stringify(message);
  if (utf8Bytes(text) <= limit) return text as Frame;
  return JSON.stringify(refetchInstead(message)) as Frame;
}

function refetchInstead(message: ServerMessage): ServerMessage {
  const ref = "ref" in message ? message.ref : undefined;
  const last = message.type === "events" ? message.events.at(-1) : undefined;
  return {
    type: "refetch",
    scope: "directory",
    ...(last ? { seq: last.seq } : {}),
    ...(ref === undefined ? {} : { ref }),
  };
}

// The bytes of `{"type":"events","events":[],"replay":true}`.
const EVENTS_ENVELOPE = utf8Bytes(
  JSON.stringify({ type: "events", events: [], replay: true }),
);

/**
 * Splits replayed events into `events` messages that each fit one frame,
 * keeping their order.
 */
export function packEvents(
  events: readonly SequencedEvent[],
  limit = MAX_FRAME_BYTES,
): SequencedEvent[][] {
  const batches: SequencedEvent[][] = [];
  let batch: SequencedEvent[] = [];
  let size = EVENTS_ENVELOPE;
  for (const event of events) {
    const bytes = utf8Bytes(JSON.stringify(event)) + 1;
    if (batch.length > 0 && size + bytes > limit) {
      batches.push(batch);
      batch = [];
      size = EVENTS_ENVELOPE;
    }
    batch.push(event);
    size += bytes;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
