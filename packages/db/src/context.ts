import type { Actor, DomainEvent, EventPublisher } from "@roster/core";
import type { Database, Executor } from "./client.js";
import { findPgError } from "./errors.js";
import { appendToJournal } from "./realtime/journal.js";

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

export interface TransactOptions {
  /**
   * SQLSTATE codes besides deadlock and serialisation failure on which
   * the whole transaction is run again, for an operation whose rerun
   * settles what made it fail.
   */
  alsoRetry?: readonly string[];
}

/**
 * Runs `operation` in one transaction, then publishes what it emitted.
 * The events are numbered in the journal just before commit, in commit
 * order, and published after it, so nobody hears of a rolled-back change
 * and a client that missed the broadcast can still catch up.
 */
export async function transact<T>(
  directory: Directory,
  actor: Actor,
  operation: (ctx: Context) => Promise<T>,
  { alsoRetry = [] }: TransactOptions = {},
): Promise<T> {
  let pending: DomainEvent[] = [];
  let seqs: number[] = [];
  const attempt = () =>
    directory.db.transaction(async (tx) => {
      pending = [];
      const value = await operation({
        actor,
        tx,
        emit: (event) => pending.push(event),
      });
      // Last, so the journal's lock is held only from here to the commit.
      seqs = await appendToJournal(tx, pending);
      return value;
    });
  const result = await retryingConflicts(attempt, alsoRetry);
  if (pending.length > 0) {
    try {
      await directory.events.publish(pending, seqs);
    } catch (error) {
      directory.onPublishError?.(error, pending);
    }
  }
  return result;
}

const RETRIES = 3;

// PostgreSQL aborts one of two transactions that deadlock or cannot be
// serialised; the loser is simply run again, from the start.
async function retryingConflicts<T>(
  run: () => Promise<T>,
  alsoRetry: readonly string[],
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = findPgError(error)?.code ?? "";
      const retryable =
        code === "40P01" || code === "40001" || alsoRetry.includes(code);
      if (!retryable || attempt >= RETRIES) throw error;
    }
  }
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
