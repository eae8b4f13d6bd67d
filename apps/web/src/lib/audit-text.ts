import type { AuditEntry, FieldChange } from "../api/audit";

const ACTIONS: Record<string, string> = {
  "employee.created": "added this profile",
  "employee.updated": "changed",
  "employee.deleted": "removed this profile",
  "employee.deactivated": "deactivated this profile",
  "employee.reactivated": "reactivated this profile",
  "session.started": "signed in",
  "session.ended": "signed out",
};

const FIELDS: Record<string, string> = {
  email: "work email",
  givenName: "given name",
  familyName: "family name",
  preferredName: "preferred name",
  pronouns: "pronouns",
  jobTitle: "job title",
  departmentId: "department",
  locationId: "location",
  managerId: "manager",
  phones: "phones",
  startDate: "start date",
  skills: "skills",
  badges: "badges",
  bio: "bio",
  role: "access",
  personalPhone: "personal phone",
  birthday: "birthday",
  privacy: "who sees what",
  photoKey: "photo",
};

/** A field's name as a reader says it. */
export function fieldLabel(field: string): string {
  return FIELDS[field] ?? field;
}

/** Who did what, in a line: "Hana Ito changed job title and bio". */
export function describeEntry(entry: AuditEntry): string {
  const who = entry.actorLabel?.replace(/\s*<[^>]*>$/, "") ?? "The system";
  const verb = ACTIONS[entry.action] ?? entry.action;
  if (entry.action !== "employee.updated") return `${who} ${verb}`;
  const fields = entry.changes.map((c) => fieldLabel(c.field));
  return `${who} changed ${listOf(fields) || "this profile"}`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A stored value as one line of text. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (Array.isArray(value)) {
    if (value.length === 0) return "(empty)";
    return value.map((v) => describeValue(v)).join(", ");
  }
  if (typeof value === "object") {
    const phone = value as { number?: unknown; kind?: unknown };
    if (typeof phone.number === "string") {
      return `${phone.number} (${String(phone.kind ?? "")})`;
    }
    const pairs = Object.entries(value as Record<string, unknown>);
    if (pairs.length === 0) return "(defaults)";
    return pairs.map(([k, v]) => `${fieldLabel(k)}: ${String(v)}`).join(", ");
  }
  return String(value);
}

/** What a reference to something no longer in the directory reads as. */
const GONE: Record<string, string> = {
  managerId: "someone no longer in the directory",
  departmentId: "a department no longer in the directory",
  locationId: "an office no longer in the directory",
};

/** Names of the ids in a page's changes, null for those gone. */
export type AuditNames = Readonly<Record<string, string | null>>;

function describeReference(
  field: string,
  value: unknown,
  names: AuditNames | undefined,
): string {
  const gone = GONE[field];
  if (
    gone &&
    names &&
    typeof value === "string" &&
    Object.hasOwn(names, value)
  ) {
    const name = names[value];
    return typeof name === "string" ? name : gone;
  }
  return describeValue(value);
}

/**
 * "job title: Clerk → Manager"; a manager, department or office by its
 * name when `names` has it: "manager: (empty) → Steven King".
 */
export function describeChange(
  change: FieldChange,
  names?: AuditNames,
): string {
  const before = describeReference(change.field, change.before, names);
  const after = describeReference(change.field, change.after, names);
  return `${fieldLabel(change.field)}: ${before} → ${after}`;
}
