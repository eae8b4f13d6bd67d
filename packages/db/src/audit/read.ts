import {
  type AuditEntry,
  type AuditQuery,
  decodeCursor,
  encodeCursor,
  escapeLike,
  ForbiddenError,
  ValidationError,
} from "@roster/core";
import { and, desc, eq, gte, ilike, lt, lte, or, type SQL } from "drizzle-orm";
import type { Context } from "../context.js";
import { auditLog } from "./table.js";

const DEFAULT_LIMIT = 50;

/**
 * The trail, newest first. HR and admins read everyone's; anyone else may
 * read only the history of their own profile.
 */
export async function listAudit(
  ctx: Context,
  query: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const staff = ctx.actor.role === "hr" || ctx.actor.role === "admin";
  if (!staff && query.subject !== ctx.actor.id) {
    throw new ForbiddenError(
      "Only HR and admins can read the history of other people.",
    );
  }
  const conditions: (SQL | undefined)[] = [
    query.subject ? eq(auditLog.subjectId, query.subject) : undefined,
    query.actor ? eq(auditLog.actorId, query.actor) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.at, query.from) : undefined,
    query.to ? lte(auditLog.at, query.to) : undefined,
    query.q
      ? or(
          ilike(auditLog.subjectLabel, `%${escapeLike(query.q)}%`),
          ilike(auditLog.actorLabel, `%${escapeLike(query.q)}%`),
        )
      : undefined,
  ];
  if (query.cursor) {
    const [id] = decodeCursor(query.cursor, ["string"]);
    if (typeof id !== "string" || !/^\d{1,19}$/.test(id)) {
      throw new ValidationError([
        { path: "cursor", message: "is not a cursor from this list" },
      ]);
    }
    conditions.push(lt(auditLog.id, Number(id)));
  }
  const limit = query.limit ?? DEFAULT_LIMIT;
  const rows = await ctx.tx
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      actorRole: r.actorRole,
      channel: r.channel,
      requestId: r.requestId,
      action: r.action as AuditEntry["action"],
      subjectId: r.subjectId,
      subjectLabel: r.subjectLabel,
      changes: r.changes,
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor([String(last.id)]) : null,
  };
}
