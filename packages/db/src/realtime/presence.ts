import { type Presence, STALE_AFTER_MS } from "@roster/core";
import { and, gte, inArray } from "drizzle-orm";
import type { Context } from "../context.js";
import type { Liveness } from "./connections.js";
import { realtimeConnections as connections } from "./table.js";

/**
 * Who of `ids` is online: anyone with a connection heard from within the
 * stale window. Answers in the order asked, once per distinct id.
 */
export async function presenceOf(
  ctx: Context,
  ids: readonly string[],
  { now = new Date(), staleAfterMs = STALE_AFTER_MS }: Liveness = {},
): Promise<Presence[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const since = new Date(now.getTime() - staleAfterMs).toISOString();
  const rows = await ctx.tx
    .selectDistinct({ id: connections.employeeId })
    .from(connections)
    .where(
      and(
        inArray(connections.employeeId, unique),
        gte(connections.lastSeenAt, since),
      ),
    );
  const online = new Set(rows.map((r) => r.id));
  return unique.map((id) => ({ id, online: online.has(id) }));
}
