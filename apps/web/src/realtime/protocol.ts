// The live-updates protocol as the browser sees it. These mirror
// `ServerMessage`, `Topic` and the timings in @roster/core's realtime
// module, which the web app does not depend on; keep them in step.

/** What a connection listens to; `employee:<id>` also carries presence. */
export type Topic =
  | "directory"
  | "presence"
  | "jobs"
  | `employee:${string}`
  | `job:${string}`;

/** The most topics one connection may hold. */
export const MAX_TOPICS = 100;

/** A committed change, numbered by the journal. */
export type LiveEvent =
  | { seq: number; type: "employee.created"; id: string; version: number }
  | { seq: number; type: "employees.created"; count: number }
  | {
      seq: number;
      type: "employee.updated";
      id: string;
      version: number;
      fields: string[];
    }
  | { seq: number; type: "employee.deleted"; id: string }
  | { seq: number; type: "department.created"; id: string }
  | { seq: number; type: "location.created"; id: string }
  | { seq: number; type: "photo.ready"; id: string; version: number }
  | {
      seq: number;
      type: "job.progress";
      id: string;
      done: number;
      total: number;
    }
  | { seq: number; type: "job.finished"; id: string; status: string };

/** The intervals the server announces; a client never hard-codes them. */
export interface Timings {
  heartbeatMs: number;
  staleAfterMs: number;
  idleTimeoutMs: number;
  maxConnectionMs: number;
  reconnectAfterMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
}

/** API Gateway's limits, used until a welcome says otherwise. */
export const DEFAULT_TIMINGS: Timings = {
  heartbeatMs: 60_000,
  staleAfterMs: 150_000,
  idleTimeoutMs: 600_000,
  maxConnectionMs: 7_200_000,
  reconnectAfterMs: 6_600_000,
  retryInitialMs: 1_000,
  retryMaxMs: 30_000,
};

/** Everything the server sends. */
export type ServerMessage =
  | ({
      type: "welcome";
      connectionId: string;
      userId: string;
      seq: number;
    } & Timings)
  | { type: "events"; events: LiveEvent[]; replay?: true }
  | { type: "presence"; id: string; online: boolean }
  | { type: "refetch"; scope: "directory"; seq?: number }
  | { type: "reload"; reason: "behind" | "ahead"; seq: number }
  | { type: "subscribed"; topics: Topic[]; seq: number }
  | { type: "unsubscribed"; topics: Topic[] }
  | { type: "resumed"; after: number; seq: number; count: number }
  | { type: "pong"; time: string; seq?: number }
  | { type: "error"; code: string; message: string };

/** Everything this client sends. */
export type ClientMessage =
  | { type: "hello" }
  | { type: "subscribe"; topics: Topic[]; after?: number }
  | { type: "unsubscribe"; topics: Topic[] }
  | { type: "ping"; after?: number };

const TYPES = new Set([
  "welcome",
  "events",
  "presence",
  "refetch",
  "reload",
  "subscribed",
  "unsubscribed",
  "resumed",
  "pong",
  "error",
]);

/**
 * Reads one server frame. Anything that is not a message this client
 * knows is dropped rather than thrown, so a newer server's additions do
 * not break an open tab.
 */
export function parseServerMessage(text: unknown): ServerMessage | null {
  if (typeof text !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string" || !TYPES.has(type)) return null;
  if (type === "events") {
    const events = (value as { events?: unknown }).events;
    if (!Array.isArray(events)) return null;
    const valid = events.every(
      (e) => typeof e?.seq === "number" && typeof e?.type === "string",
    );
    if (!valid) return null;
  }
  return value as ServerMessage;
}
