import type { Actor, DomainEvent, EventPublisher } from "@roster/core";
import type { Database, Executor } from "./client.js";

/** What a running domain operation is given: who acts, and where. */
export interface Context {
  actor: Actor;
  tx: Executor;
  /** Queues an event; it is published only if the transaction commits. */
  emit(event: DomainEvent): void;
}

/** Where the directory lives and who hears about its changes. */
export interface Directory {
  db: Database;
  events: EventPublisher;
  /** Told when publishing committed events fails; the change stands. */
  onPublishError?: (error: unknown, events: readonly DomainEvent[]) => void;
}

/**
 * Runs `operation` in one transaction, then publishes what it emitted.
 * Publishing happens after commit, so nobody hears of a rolled-back change.
 */
export async function transact<T>(
  directory: Directory,
  actor: Actor,
  operation: (ctx: Context) => Promise<T>,
): Promise<T> {
  const pending: DomainEvent[] = [];
  const result = await directory.db.transaction((tx) =>
    operation({ actor, tx, emit: (event) => pending.push(event) }),
  );
  if (pending.length > 0) {
    try {
      await directory.events.publish(pending);
    } catch (error) {
      directory.onPublishError?.(error, pending);
    }
  }
  return result;
}

/** A read-only context: no transaction, nothing to emit. */
export function reading(directory: Directory, actor: Actor): Context {
  return {
    actor,
    tx: directory.db,
    emit: () => {
      throw new Error("A read-only context cannot emit events.");
    },
  };
}
