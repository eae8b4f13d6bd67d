import type { AuditRecord } from "@roster/core";
import { sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { employees } from "../employee/table.js";
import { auditLog } from "./table.js";

/**
 * Appends to the audit trail inside the operation's transaction, so the
 * entry exists exactly when the change does. The actor's name is copied in
 * for when they are gone.
 */
export async function recordAudit(
  ctx: Context,
  record: AuditRecord,
): Promise<void> {
  await recordAudits(ctx, [record]);
}

/** Appends several entries in one statement, as imports do per batch. */
export async function recordAudits(
  ctx: Context,
  records: readonly AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const actorLabel = ctx.actor.via?.label
    ? ctx.actor.via.label
    : sql<string | null>`(
        select coalesce(${employees.preferredName}, ${employees.givenName})
          || ' ' || ${employees.familyName} || ' <' || ${employees.email}
          || '>'
        from ${employees} where ${employees.id} = ${ctx.actor.id}::uuid
      )`;
  await ctx.tx.insert(auditLog).values(
    records.map((record) => ({
      actorId: ctx.actor.id,
      actorLabel,
      actorRole: ctx.actor.role,
      channel: ctx.actor.via?.channel ?? "api",
      requestId: ctx.actor.via?.requestId ?? null,
      action: record.action,
      subjectId: record.subjectId,
      subjectLabel: record.subjectLabel,
      changes: record.changes,
    })),
  );
}
