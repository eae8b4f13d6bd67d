import * as z from "zod";
import type { ErrorCode, FieldIssue } from "../errors/index.js";
import { ValidationError } from "../errors/index.js";
import type { SequencedEvent } from "../events/index.js";
import type { RealtimeTimings } from "./constants.js";
import { MAX_TOPICS_PER_CONNECTION } from "./constants.js";
import { Topic } from "./topics.js";

const ref = z.string().max(64).optional();
/** A journal position: the last sequence number a client has accounted for. */
const Position = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const Topics = z.array(Topic).min(1).max(MAX_TOPICS_PER_CONNECTION);

/**
 * Everything a client may send. `ref` is echoed on the direct reply so a
 * client can match answers to questions.
 */
export const ClientMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("hello"), ref }).strict(),
  z
    .object({
      type: z.literal("subscribe"),
      topics: Topics,
      after: Position.optional(),
      ref,
    })
    .strict(),
  z.object({ type: z.literal("unsubscribe"), topics: Topics, ref }).strict(),
  z
    .object({
      type: z.literal(["ping", "heartbeat"]),
      after: Position.optional(),
      ref,
    })
    .strict(),
  z.object({ type: z.literal("resume"), after: Position, ref }).strict(),
]);
export type ClientMessage = z.output<typeof ClientMessage>;

const CLIENT_TYPES = "hello, subscribe, unsubscribe, ping, heartbeat, resume";

/**
 * Reads one client frame, or throws a ValidationError that says what is
 * wrong in words a developer can act on.
 */
export function parseClientMessage(
  body: string | null | undefined,
): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(body ?? "");
  } catch {
    throw new ValidationError(
      [{ path: "", message: "is not JSON" }],
      'Messages must be JSON objects such as {"type":"ping"}.',
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ValidationError(
      [{ path: "", message: "is not a JSON object" }],
      'Messages must be JSON objects such as {"type":"ping"}.',
    );
  }
  const result = ClientMessage.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message:
      issue.code === "invalid_union" && issue.path[0] === "type"
        ? `must be one of ${CLIENT_TYPES}`
        : issue.code === "unrecognized_keys"
          ? `is not a field here: ${issue.keys.join(", ")}`
          : issue.message,
  }));
  throw new ValidationError(issues);
}

/** The server's first answer: who you are, where the journal is, timings. */
export interface WelcomeMessage extends RealtimeTimings {
  type: "welcome";
  connectionId: string;
  userId: string;
  /** The journal's head: subscribe with `after` this to miss nothing. */
  seq: number;
  maxFrameBytes: number;
  ref?: string;
}

/**
 * Everything the server sends. `seq` on subscribed, resumed and pong is a
 * watermark: every event up to it that matches the connection's topics
 * has been sent.
 */
export type ServerMessage =
  | WelcomeMessage
  | { type: "events"; events: SequencedEvent[]; replay?: true }
  | { type: "presence"; id: string; online: boolean }
  | { type: "refetch"; scope: "directory"; seq?: number; ref?: string }
  | { type: "reload"; reason: "behind" | "ahead"; seq: number; ref?: string }
  | { type: "subscribed"; topics: Topic[]; seq: number; ref?: string }
  | { type: "unsubscribed"; topics: Topic[]; ref?: string }
  | {
      type: "resumed";
      after: number;
      seq: number;
      count: number;
      ref?: string;
    }
  | { type: "pong"; time: string; seq?: number; ref?: string }
  | {
      type: "error";
      code: ErrorCode;
      message: string;
      details?: unknown;
      ref?: string;
    };
