import type { AuditRecord } from "@roster/core";
import { sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { employees } from "../employee/table.js";
import { jsonRows } from "../json-rows.js";
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
  const { actor } = ctx;
  const actorLabel = actor.via?.label
    ? sql`${actor.via.label}::text`
    : sql`(
        select coalesce(${employees.preferredName}, ${employees.givenName})
          || ' ' || ${employees.familyName} || ' <' || ${employees.email}
          || '>'
        from ${employees} where ${employees.id} = ${actor.id}::uuid
      )`;
  // One statement and one bound value per batch: imports write thousands.
  await ctx.tx.execute(sql`
    insert into ${auditLog} (actor_id, actor_label, actor_role, channel,
      request_id, action, subject_id, subject_label, changes)
    select ${actor.id}::uuid, (${actorLabel}), ${actor.role},
      ${actor.via?.channel ?? "api"}, ${actor.via?.requestId ?? null}::text,
      x.action, x.subject_id, x.subject_label, x.changes
    from jsonb_to_recordset(${jsonRows(
      records.map((r) => ({
        action: r.action,
        subject_id: r.subjectId,
        subject_label: r.subjectLabel,
        changes: r.changes,
      })),
    )}) as x(action text, subject_id uuid, subject_label text, changes jsonb)`);
}
