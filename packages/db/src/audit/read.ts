import {
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  auditReferences,
  decodeCursor,
  displayName,
  encodeCursor,
  escapeLike,
  ForbiddenError,
  ValidationError,
} from "@roster/core";
import {
  and,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  lt,
  lte,
  or,
  type SQL,
} from "drizzle-orm";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { employees } from "../employee/table.js";
import { locations } from "../location/table.js";
import { auditLog } from "./table.js";

const DEFAULT_LIMIT = 50;

/**
 * The trail, newest first. HR and admins read everyone's; anyone else may
 * read only the history of their own profile.
 */
export async function listAudit(
  ctx: Context,
  query: AuditQuery,
): Promise<AuditPage> {
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
  const items: AuditEntry[] = page.map((r) => ({
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
  }));
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor([String(last.id)]) : null,
    names: await referenceNames(ctx, items),
  };
}

const isStaff = (ctx: Context) =>
  ctx.actor.role === "hr" || ctx.actor.role === "admin";

/**
 * The names of the managers, departments and offices the entries' changes
 * refer to, one query per kind. What is gone maps to null, and so does a
 * person who left for anyone but HR and admins, to whom they are gone too.
 */
async function referenceNames(
  ctx: Context,
  entries: readonly AuditEntry[],
): Promise<Record<string, string | null>> {
  const refs = auditReferences(entries);
  const people =
    refs.person.length === 0
      ? []
      : await ctx.tx
          .select({
            id: employees.id,
            givenName: employees.givenName,
            familyName: employees.familyName,
            preferredName: employees.preferredName,
            deactivatedAt: employees.deactivatedAt,
          })
          .from(employees)
          .where(inArray(employees.id, refs.person));
  const depts =
    refs.department.length === 0
      ? []
      : await ctx.tx
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(inArray(departments.id, refs.department));
  const offices =
    refs.location.length === 0
      ? []
      : await ctx.tx
          .select({ id: locations.id, name: locations.name })
          .from(locations)
          .where(inArray(locations.id, refs.location));
  const staff = isStaff(ctx);
  const found = new Map<string, string>([
    ...people
      .filter((p) => p.deactivatedAt === null || staff)
      .map((p) => [p.id, displayName(p)] as const),
    ...depts.map((d) => [d.id, d.name] as const),
    ...offices.map((o) => [o.id, o.name] as const),
  ]);
  const names: Record<string, string | null> = {};
  for (const id of [...refs.person, ...refs.department, ...refs.location]) {
    names[id] = found.get(id.toLowerCase()) ?? null;
  }
  return names;
}
