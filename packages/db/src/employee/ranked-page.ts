import { and, asc, type SQL, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { rowsOf } from "./read.js";
import { employees as e } from "./table.js";
import type { TextMatch } from "./text-match.js";

/** Where a row sits in a ranked listing: its tier, then directory order. */
export interface Position {
  rank: number;
  sortKey: string;
  id: string;
}

/** Rows strictly after `p` in directory order. */
export const after = (p: Position) =>
  sql`(${e.sortKey}, ${e.id}) > (${p.sortKey}, ${p.id}::uuid)`;

// Sizing a tier still builds its trigram bitmap, which for a word a fifth of
// the company shares costs tens of milliseconds at 100,000 people; that is
// most of the search's slow tail (see `pnpm bench`).
//
// Above this many matches a tier is read by walking the name index, which
// finds a page of a common word within a few thousand rows; below it, its
// matches are fetched through the trigram indexes and sorted.
const DENSE_TIER = 2_000;

const columns = { id: e.id, sortKey: e.sortKey };

type Executor = Context["tx"];

function sparse(tx: Executor, where: SQL | undefined, limit: number) {
  return tx
    .select(columns)
    .from(e)
    .where(where)
    .orderBy(sql`${e.sortKey} || ''`, asc(e.id))
    .limit(limit);
}

async function dense(tx: Executor, where: SQL | undefined, limit: number) {
  await tx.execute(sql`set local enable_bitmapscan = off`);
  await tx.execute(sql`set local enable_sort = off`);
  const rows = await tx
    .select(columns)
    .from(e)
    .where(where)
    .orderBy(asc(e.sortKey), asc(e.id))
    .limit(limit);
  await tx.execute(sql`set local enable_bitmapscan = on`);
  await tx.execute(sql`set local enable_sort = on`);
  return rows;
}

async function cappedSize(tx: Executor, where: SQL | undefined) {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from (select 1 from ${e}
      where ${where} limit ${DENSE_TIER + 1}) as capped`),
  );
  return Number(row?.n ?? 0);
}

/**
 * Up to `limit` matching rows after `from`, best tier first and in
 * directory order within a tier.
 */
export async function readRankedPage(
  ctx: Context,
  match: TextMatch,
  filters: SQL[],
  from: Position | undefined,
  limit: number,
): Promise<Position[]> {
  const tiers = match.tiers
    .filter((tier) => !from || tier.rank <= from.rank)
    .map((tier) => ({
      rank: tier.rank,
      where: and(
        tier.where,
        ...filters,
        from && tier.rank === from.rank ? after(from) : undefined,
      ),
    }));
  if (tiers.length === 0) return [];
  // The planner cannot tell a tier that matches nobody from one that
  // matches thousands, and under a LIMIT it gambles on scanning in order
  // until enough rows turn up: for a tier that matches nobody that is a
  // walk through every person. So it is told. Counting and sparse tiers use
  // the trigram indexes (no sequential scans; `|| ''` keeps the name index
  // out of a sparse tier's plan); a dense tier walks the name index (no
  // bitmap scans, no sorts), which finds a page of a common word quickly.
  return ctx.tx.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const page: Position[] = [];
    for (const tier of tiers) {
      // Sized only when needed: a page filled by the tiers above it never
      // pays for counting the ones below.
      const size = await cappedSize(tx, tier.where);
      if (size === 0) continue;
      const want = limit - page.length;
      const read = size > DENSE_TIER ? dense : sparse;
      const rows = await read(tx, tier.where, want);
      page.push(...rows.map((r) => ({ ...r, rank: tier.rank })));
      if (page.length >= limit) break;
    }
    return page;
  });
}
