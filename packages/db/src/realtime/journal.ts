import {
  type DomainEvent,
  JOURNAL_MAX_EVENTS,
  JOURNAL_RETENTION_MS,
  REPLAY_LIMIT,
  type SequencedEvent,
  topicsOf,
} from "@roster/core";
import { and, arrayOverlaps, asc, gt, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { rowsOf } from "../employee/read.js";
import { jsonRows } from "../json-rows.js";
import { eventLog } from "./table.js";

// Advisory lock keys in use: 72_006_417 migrations, _418 reporting lines,
// _419 the test template, _420 the journal, _421 presence.
const JOURNAL_LOCK = 72_006_420;

const head = sql<number>`coalesce(max(${eventLog.seq}), 0)`.mapWith(Number);

/**
 * Numbers `events` and appends them to the journal inside the caller's
 * transaction. The lock is held until commit, so numbers are handed out
 * in commit order and a reader never sees a later number before an
 * earlier one.
 */
export async function appendToJournal(
  tx: Executor,
  events: readonly DomainEvent[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = events.map((event, i) => ({
    n: i + 1,
    event,
    topics: topicsOf(event),
  }));
  // Sent together, without waiting in between: the insert numbers the
  // events after the head it reads once the lock is held.
  const [, inserted] = await Promise.all([
    tx.execute(sql`select pg_advisory_xact_lock(${JOURNAL_LOCK})`),
    tx.execute(sql`
      with added as (
        insert into ${eventLog} (seq, event, topics)
        select h.head + x.n, x.event, x.topics
        from (select ${head} as head from ${eventLog}) h,
          jsonb_to_recordset(${jsonRows(rows)})
            as x(n bigint, event jsonb, topics text[])
        returning seq
      )
      select min(seq)::bigint as first from added`),
  ]);
  const first = Number(rowsOf<{ first: string }>(inserted)[0]?.first);
  return rows.map((r) => first + r.n - 1);
}

/** The highest sequence number committed so far; 0 for an empty journal. */
export async function journalHead(db: Executor): Promise<number> {
  const [row] = await db.select({ head }).from(eventLog);
  return row?.head ?? 0;
}

/**
 * What a client that last accounted for `after` missed on `topics`:
 * `complete` with the events, or `behind` (pruned, or more than `limit`)
 * or `ahead` (a position this journal never reached), both of which mean
 * "reload". `head` is the watermark the answer is good up to.
 */
export type JournalSlice =
  | { outcome: "complete"; head: number; events: SequencedEvent[] }
  | { outcome: "behind" | "ahead"; head: number };

/** Reads what a client missed since `after`; see JournalSlice. */
export async function readJournal(
  db: Executor,
  after: number,
  topics: readonly string[],
  limit = REPLAY_LIMIT,
): Promise<JournalSlice> {
  // The head first: everything up to it is committed, so the events read
  // next are a complete answer up to that watermark.
  const top = await journalHead(db);
  if (after > top) return { outcome: "ahead", head: top };
  if (after === top || topics.length === 0) {
    return { outcome: "complete", head: top, events: [] };
  }
  const rows = await db
    .select({ seq: eventLog.seq, event: eventLog.event })
    .from(eventLog)
    .where(
      and(
        gt(eventLog.seq, after),
        lte(eventLog.seq, top),
        arrayOverlaps(eventLog.topics, [...topics]),
      ),
    )
    .orderBy(asc(eventLog.seq))
    .limit(limit + 1);
  if (rows.length > limit) return { outcome: "behind", head: top };
  // Read last, so a prune running meanwhile cannot go unnoticed.
  const [oldest] = await db
    .select({ seq: sql<number>`min(${eventLog.seq})`.mapWith(Number) })
    .from(eventLog);
  if ((oldest?.seq ?? top) > after + 1) return { outcome: "behind", head: top };
  const events = rows.map((r) => ({ ...r.event, seq: r.seq }));
  return { outcome: "complete", head: top, events };
}

/**
 * Drops events older than the retention window or beyond the newest
 * `maxEvents`. The newest event always stays, so numbering never restarts.
 */
export async function pruneJournal(
  db: Executor,
  {
    now = new Date(),
    retentionMs = JOURNAL_RETENTION_MS,
    maxEvents = JOURNAL_MAX_EVENTS,
  }: { now?: Date; retentionMs?: number; maxEvents?: number } = {},
): Promise<number> {
  const top = await journalHead(db);
  const cutoff = new Date(now.getTime() - retentionMs).toISOString();
  const removed = await db
    .delete(eventLog)
    .where(
      and(
        lt(eventLog.seq, top),
        or(lt(eventLog.recordedAt, cutoff), lte(eventLog.seq, top - maxEvents)),
      ),
    )
    .returning({ seq: eventLog.seq });
  return removed.length;
}
