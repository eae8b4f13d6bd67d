import {
  type CursorKey,
  decodeCursor,
  type EmployeeSearch,
  encodeCursor,
  isUuid,
  ValidationError,
} from "@roster/core";
import { and, asc, inArray, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { filterConditions } from "./filters.js";
import { after, type Position, readRankedPage } from "./ranked-page.js";
import { selectEmployees, toEmployee } from "./read.js";
import { employees as e } from "./table.js";
import { textMatch } from "./text-match.js";
import { visibleInList } from "./visible.js";

// The id is compared as a uuid; a hand-edited one is refused before it
// could become a database error.
function position(key: CursorKey, ranked: boolean): Position {
  const [rank, sortKey, id] = ranked ? key : [0, ...key];
  if (typeof id !== "string" || !isUuid(id)) {
    throw new ValidationError([
      { path: "cursor", message: "is not a cursor from this list" },
    ]);
  }
  return { rank: Number(rank), sortKey: String(sortKey), id };
}

/**
 * One page of the directory: people matching the query and filters, best
 * match first (or by name without a query), after the cursor's position.
 */
export async function searchEmployees(ctx: Context, search: EmployeeSearch) {
  const match = await textMatch(ctx, search.q);
  const filters = filterConditions(search);
  const shape = match
    ? (["number", "string", "string"] as const)
    : (["string", "string"] as const);
  const from = search.cursor
    ? position(decodeCursor(search.cursor, shape), match !== undefined)
    : undefined;
  const limit = search.limit + 1;
  let page: Position[];
  if (match) {
    page = await readRankedPage(ctx, match, filters, from, limit);
  } else {
    page = await ctx.tx
      .select({ id: e.id, sortKey: e.sortKey, rank: sql<number>`0` })
      .from(e)
      .where(and(...filters, from ? after(from) : undefined))
      .orderBy(asc(e.sortKey), asc(e.id))
      .limit(limit);
  }
  const shown = page.slice(0, search.limit);
  const rows =
    shown.length === 0
      ? []
      : await selectEmployees(ctx.tx).where(
          inArray(
            e.id,
            shown.map((p) => p.id),
          ),
        );
  const byId = new Map(
    rows.map((r) => [r.e.id, visibleInList(ctx.actor, toEmployee(r))]),
  );
  const last = shown.at(-1);
  let nextCursor: string | null = null;
  if (page.length > search.limit && last) {
    nextCursor = encodeCursor(
      match ? [last.rank, last.sortKey, last.id] : [last.sortKey, last.id],
    );
  }
  return { items: shown.flatMap((p) => byId.get(p.id) ?? []), nextCursor };
}

/** How many people match the query and every filter. */
export async function countEmployees(ctx: Context, search: EmployeeSearch) {
  const match = await textMatch(ctx, search.q);
  const [row] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(e)
    .where(and(...filterConditions(search), match?.any));
  return Number(row?.n ?? 0);
}
