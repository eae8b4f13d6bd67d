import * as z from "zod";
import { isUuid } from "../ids.js";

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
 * Fields whose values are ids of something else in the directory, and what
 * each refers to. The trail keeps the ids; names are looked up as it is
 * read, so a rename shows everywhere.
 */
export const AUDIT_REFERENCE_FIELDS = {
  managerId: "person",
  departmentId: "department",
  locationId: "location",
} as const satisfies Record<string, string>;
export type AuditReferenceKind =
  (typeof AUDIT_REFERENCE_FIELDS)[keyof typeof AUDIT_REFERENCE_FIELDS];

/** The ids the changes of `entries` refer to, by kind, each once. */
export function auditReferences(
  entries: readonly Pick<AuditRecord, "changes">[],
): Record<AuditReferenceKind, string[]> {
  const found: Record<AuditReferenceKind, Set<string>> = {
    person: new Set(),
    department: new Set(),
    location: new Set(),
  };
  for (const { changes } of entries) {
    for (const change of changes) {
      const kind = (
        AUDIT_REFERENCE_FIELDS as Record<string, AuditReferenceKind>
      )[change.field];
      if (!kind) continue;
      for (const value of [change.before, change.after]) {
        if (typeof value === "string" && isUuid(value)) {
          found[kind].add(value);
        }
      }
    }
  }
  return {
    person: [...found.person],
    department: [...found.department],
    location: [...found.location],
  };
}

/**
 * A page of the trail. `names` holds, for every id in the page's changes
 * of a manager, department or office, its name as the reader may see it,
 * or null for something no longer in the directory (or, for a person who
 * left, not for this reader to see).
 */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
  names: Record<string, string | null>;
}

/**
 * JSON with object keys in order, so `{a, b}` and `{b, a}` compare equal;
 * arrays keep their order, which means something.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value !== "object" || value === null) {
    return JSON.stringify(value ?? null);
  }
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

/** Whether two values are the same once stored as JSON. */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/** The changes between two versions of the same fields. */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): FieldChange[] {
  return fields
    .filter((f) => !sameJson(before[f], after[f]))
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
