import * as z from "zod";

/** Where a change came from, for the audit trail. */
export const Channel = z.enum(["web", "api", "import", "scim", "system"]);
export type Channel = z.infer<typeof Channel>;

export const AuditAction = z.enum([
  "employee.created",
  "employee.updated",
  "employee.deleted",
  "employee.deactivated",
  "employee.reactivated",
  "session.started",
  "session.ended",
  "scim_token.created",
  "scim_token.revoked",
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** One field's value before and after a change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What a domain operation records of a change, in its transaction. */
export interface AuditRecord {
  action: AuditAction;
  subjectId: string | null;
  /** Who the subject was, kept so history reads after they are gone. */
  subjectLabel: string;
  changes: FieldChange[];
}

/** One entry of the trail as HR reads it. */
export interface AuditEntry extends AuditRecord {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  actorRole: string;
  channel: Channel;
  requestId: string | null;
}

/**
 * JSON with object keys in order, so `{a, b}` and `{b, a}` compare equal;
 * arrays keep their order, which means something.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
}

/** The changes between two versions of the same fields. */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): FieldChange[] {
  return fields
    .filter((f) => canonicalJson(before[f]) !== canonicalJson(after[f]))
    .map((f) => ({
      field: f,
      before: before[f] ?? null,
      after: after[f] ?? null,
    }));
}

const instant = z.iso.datetime({
  offset: true,
  message: "must be a time like 2026-01-31T09:00:00Z",
});

/** What HR can search the trail by; every filter is optional. */
export const AuditQuery = z
  .object({
    subject: z.uuid({ message: "must be a person's id" }),
    actor: z.uuid({ message: "must be a person's id" }),
    action: AuditAction,
    q: z.string().trim().min(1).max(200),
    from: instant,
    to: instant,
    cursor: z.string().max(200),
    limit: z.coerce.number().int().min(1).max(100),
  })
  .partial()
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;
