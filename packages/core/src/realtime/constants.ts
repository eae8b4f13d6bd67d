/**
 * Limits API Gateway's WebSocket APIs impose, and the intervals clients are
 * told to keep inside them. The server repeats these in its welcome
 * message, so a client never hard-codes them.
 */

/** API Gateway closes a connection that has sent nothing for 10 minutes. */
export const IDLE_TIMEOUT_MS = 10 * 60_000;
/** API Gateway closes every connection after 2 hours. */
export const MAX_CONNECTION_MS = 2 * 60 * 60_000;
/** API Gateway's WebSocket frame limit; every server message stays within. */
export const MAX_FRAME_BYTES = 32 * 1024;
/** API Gateway refuses a management-API post larger than this. */
export const MAX_MESSAGE_BYTES = 128 * 1024;

/**
 * How often a client sends a heartbeat: well inside the idle timeout, and
 * often enough that presence notices a closed laptop within minutes.
 */
export const HEARTBEAT_INTERVAL_MS = 60_000;
/** A connection silent for longer (about two heartbeats) counts as gone. */
export const STALE_AFTER_MS = 150_000;
/** When a client opens its next connection, ahead of the 2-hour limit. */
export const RECONNECT_AFTER_MS = 110 * 60_000;
/** Reconnect back-off after a drop: doubling from the first to the last. */
export const RETRY_INITIAL_MS = 1_000;
export const RETRY_MAX_MS = 30_000;

/** A ticket for `$connect` is good for one minute and one use. */
export const TICKET_TTL_MS = 60_000;
/** How long the journal keeps events for clients that were away. */
export const JOURNAL_RETENTION_MS = 24 * 60 * 60_000;
/** The journal keeps at most this many events, whatever their age. */
export const JOURNAL_MAX_EVENTS = 100_000;
/** A client that missed more than this is told to reload instead. */
export const REPLAY_LIMIT = 1_000;
/** Topics one connection may hold at once. */
export const MAX_TOPICS_PER_CONNECTION = 100;
/** How often the local server (or a scheduled job) sweeps stale rows. */
export const SWEEP_INTERVAL_MS = 60_000;

/** The intervals a server announces in its welcome message. */
export interface RealtimeTimings {
  heartbeatMs: number;
  staleAfterMs: number;
  idleTimeoutMs: number;
  maxConnectionMs: number;
  reconnectAfterMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
}

/** The timings a deployment uses unless a test shortens them. */
export const DEFAULT_REALTIME_TIMINGS: RealtimeTimings = {
  heartbeatMs: HEARTBEAT_INTERVAL_MS,
  staleAfterMs: STALE_AFTER_MS,
  idleTimeoutMs: IDLE_TIMEOUT_MS,
  maxConnectionMs: MAX_CONNECTION_MS,
  reconnectAfterMs: RECONNECT_AFTER_MS,
  retryInitialMs: RETRY_INITIAL_MS,
  retryMaxMs: RETRY_MAX_MS,
};
