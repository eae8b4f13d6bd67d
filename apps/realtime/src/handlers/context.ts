import {
  DEFAULT_REALTIME_TIMINGS,
  isRosterError,
  type Presence,
  type RealtimeTimings,
  type ServerMessage,
} from "@roster/core";
import { announcePresence, type DeliveryOptions } from "@roster/events";
import type { HandlerDeps, WebSocketEvent } from "./event.js";

/** What one invocation works with: its connection, timings and gateway. */
export interface Invocation {
  connectionId: string;
  timings: RealtimeTimings;
  delivery: DeliveryOptions;
  deps: HandlerDeps;
}

/** Gathers what a handler needs for one event. */
export function invocation(
  deps: HandlerDeps,
  event: WebSocketEvent,
): Invocation {
  return {
    connectionId: event.requestContext.connectionId,
    timings: { ...DEFAULT_REALTIME_TIMINGS, ...deps.timings },
    delivery: {
      db: deps.db,
      broadcaster: deps.broadcasterFor(event),
      ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
      ...(deps.logger ? { logger: deps.logger } : {}),
    },
    deps,
  };
}

/**
 * The socket's view of a failure: a Roster error as it is, anything else
 * as a generic internal error (logged, never shown).
 */
export function errorReply(
  inv: Invocation,
  error: unknown,
  ref: string | undefined,
): ServerMessage {
  const withRef = ref === undefined ? {} : { ref };
  if (isRosterError(error)) {
    return {
      type: "error",
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      ...withRef,
    };
  }
  logFailure(inv, error);
  return {
    type: "error",
    code: "internal",
    message: "Something went wrong on our side. It has been logged.",
    ...withRef,
  };
}

/** Logs an unexpected failure with the connection it happened on. */
export function logFailure(inv: Invocation, error: unknown): void {
  inv.deps.logger?.({
    level: "error",
    message: "A realtime handler failed",
    connectionId: inv.connectionId,
    error: error instanceof Error ? (error.stack ?? error.message) : error,
  });
}

/**
 * Tells subscribers who came or went. Best effort: a failure here is
 * logged and must not refuse the connection or the message that caused it.
 */
export async function announce(
  inv: Invocation,
  changes: readonly Presence[],
): Promise<void> {
  if (changes.length === 0) return;
  try {
    await announcePresence(inv.delivery, changes);
  } catch (error) {
    logFailure(inv, error);
  }
}
