import {
  MAX_TOPICS_PER_CONNECTION,
  STALE_AFTER_MS,
  type Topic,
  ValidationError,
} from "@roster/core";
import {
  and,
  arrayOverlaps,
  count,
  eq,
  gte,
  inArray,
  lt,
  sql,
} from "drizzle-orm";
import type { Database, Executor } from "../client.js";
import { realtimeConnections as connections } from "./table.js";

const PRESENCE_LOCK = 72_006_421;

/** When "now" is, and how long a silent connection still counts as live. */
export interface Liveness {
  now?: Date;
  staleAfterMs?: number;
}

function cutoff({ now = new Date(), staleAfterMs = STALE_AFTER_MS }: Liveness) {
  return new Date(now.getTime() - staleAfterMs);
}

// One person's connections change one at a time, so two tabs closing
// together cannot each see the other still open and both stay silent.
async function lockPerson(tx: Executor, employeeId: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${PRESENCE_LOCK}::int4, hashtext(${employeeId}::text))`,
  );
}

async function liveCount(tx: Executor, employeeId: string, since: Date) {
  const [row] = await tx
    .select({ n: count() })
    .from(connections)
    .where(
      and(
        eq(connections.employeeId, employeeId),
        gte(connections.lastSeenAt, since.toISOString()),
      ),
    );
  return row?.n ?? 0;
}

/** Records a new connection; `cameOnline` when it is the person's first. */
export async function openConnection(
  db: Database,
  connection: { id: string; employeeId: string; sessionId?: string | null },
  liveness: Liveness = {},
): Promise<{ cameOnline: boolean }> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, connection.employeeId);
    const since = cutoff(liveness);
    const before = await liveCount(tx, connection.employeeId, since);
    await tx.insert(connections).values(connection);
    return { cameOnline: before === 0 };
  });
}

/**
 * Forgets connections that closed or went away; returns the people left
 * with no live connection, who have just gone offline.
 */
export async function removeConnections(
  db: Database,
  ids: readonly string[],
  liveness: Liveness = {},
): Promise<string[]> {
  if (ids.length === 0) return [];
  const since = cutoff(liveness);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(connections)
      .where(inArray(connections.id, [...ids]))
      .returning({ employeeId: connections.employeeId });
    const people = [...new Set(removed.map((r) => r.employeeId))].sort();
    const offline: string[] = [];
    for (const employeeId of people) {
      await lockPerson(tx, employeeId);
      if ((await liveCount(tx, employeeId, since)) === 0) {
        offline.push(employeeId);
      }
    }
    return offline;
  });
}

/**
 * Marks a connection as heard from now. Undefined when it is not (or no
 * longer) registered; `cameBack` when it had gone stale before this.
 */
export async function touchConnection(
  db: Database,
  id: string,
  liveness: Liveness = {},
): Promise<
  { employeeId: string; subscriptions: Topic[]; cameBack: boolean } | undefined
> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(connections)
      .where(eq(connections.id, id))
      .for("update");
    if (!row) return undefined;
    await tx
      .update(connections)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(connections.id, id));
    return {
      employeeId: row.employeeId,
      subscriptions: row.subscriptions as Topic[],
      cameBack: new Date(row.lastSeenAt) < cutoff(liveness),
    };
  });
}

async function changeSubscriptions(
  db: Database,
  id: string,
  change: (current: Set<string>) => void,
): Promise<Topic[] | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ subscriptions: connections.subscriptions })
      .from(connections)
      .where(eq(connections.id, id))
      .for("update");
    if (!row) return undefined;
    const next = new Set(row.subscriptions);
    change(next);
    if (next.size > MAX_TOPICS_PER_CONNECTION) {
      throw new ValidationError([
        {
          path: "topics",
          message: `a connection may hold at most ${MAX_TOPICS_PER_CONNECTION} topics`,
        },
      ]);
    }
    const subscriptions = [...next].sort() as Topic[];
    await tx
      .update(connections)
      .set({ subscriptions, lastSeenAt: sql`now()` })
      .where(eq(connections.id, id));
    return subscriptions;
  });
}

/** Adds topics to a connection; its whole list, or undefined if gone. */
export function subscribeConnection(
  db: Database,
  id: string,
  topics: readonly Topic[],
): Promise<Topic[] | undefined> {
  return changeSubscriptions(db, id, (s) => {
    for (const t of topics) s.add(t);
  });
}

/** Drops topics from a connection; its whole list, or undefined if gone. */
export function unsubscribeConnection(
  db: Database,
  id: string,
  topics: readonly Topic[],
): Promise<Topic[] | undefined> {
  return changeSubscriptions(db, id, (s) => {
    for (const t of topics) s.delete(t);
  });
}

/** Connections subscribed to any of `topics`, with all their topics. */
export async function findSubscribers(
  db: Executor,
  topics: readonly string[],
): Promise<{ id: string; subscriptions: string[] }[]> {
  if (topics.length === 0) return [];
  return db
    .select({ id: connections.id, subscriptions: connections.subscriptions })
    .from(connections)
    .where(arrayOverlaps(connections.subscriptions, [...topics]));
}

/**
 * Deletes connections not heard from within the stale window: the ids
 * removed (to close them at the gateway) and who went offline.
 */
export async function sweepStaleConnections(
  db: Database,
  liveness: Liveness = {},
): Promise<{ removed: string[]; wentOffline: string[] }> {
  const stale = await db
    .select({ id: connections.id })
    .from(connections)
    .where(lt(connections.lastSeenAt, cutoff(liveness).toISOString()));
  const removed = stale.map((r) => r.id);
  const wentOffline = await removeConnections(db, removed, liveness);
  return { removed, wentOffline };
}

/** The live connections opened under one sign-in session. */
export async function connectionsOfSession(
  db: Database,
  sessionId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: connections.id })
    .from(connections)
    .where(eq(connections.sessionId, sessionId));
  return rows.map((r) => r.id);
}
