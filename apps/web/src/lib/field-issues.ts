import type { FieldIssue } from "../api/types";

/** Issues sorted to the fields that show them; the rest go to the summary. */
export interface GroupedIssues {
  byField: Map<string, string[]>;
  unplaced: FieldIssue[];
}

/**
 * Places each issue on the closest field the form shows: `phones.1.number`
 * goes to that input if it exists, else to `phones.1`, else to `phones`.
 */
export function groupIssues(
  issues: readonly FieldIssue[],
  fields: ReadonlySet<string>,
): GroupedIssues {
  const byField = new Map<string, string[]>();
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    const field = closestField(issue.path, fields);
    if (field === undefined) {
      unplaced.push(issue);
      continue;
    }
    const messages = byField.get(field) ?? [];
    if (!messages.includes(issue.message)) messages.push(issue.message);
    byField.set(field, messages);
  }
  return { byField, unplaced };
}

function closestField(
  path: string,
  fields: ReadonlySet<string>,
): string | undefined {
  const parts = path.split(".").filter((p) => p !== "");
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join(".");
    if (fields.has(candidate)) return candidate;
  }
  return undefined;
}

/** The DOM id of a field's control, e.g. `field-phones-1-number`. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, "-")}`;
}

/** The id of the element that holds a field's error message. */
export function fieldErrorId(path: string): string {
  return `${fieldId(path)}-error`;
}

const LABELS: Record<string, string> = {
  email: "Email",
  givenName: "Given name",
  familyName: "Family name",
  preferredName: "Preferred name",
  pronouns: "Pronouns",
  jobTitle: "Job title",
  departmentId: "Department",
  locationId: "Location",
  managerId: "Manager",
  phones: "Phones",
  startDate: "Start date",
  skills: "Skills",
  badges: "Badges",
  bio: "Bio",
  role: "Role",
};

const ITEM_LABELS: Record<string, string> = {
  phones: "Phone",
  skills: "Skill",
  badges: "Badge",
};

/** A human name for a field path: `phones.1.number` is "Phone 2 number". */
export function labelForPath(path: string): string {
  const [head = "", index, ...rest] = path.split(".");
  const base = LABELS[head] ?? head;
  if (index === undefined || !/^\d+$/.test(index)) return base;
  const item = `${ITEM_LABELS[head] ?? base} ${Number(index) + 1}`;
  return rest.length > 0 ? `${item} ${rest.join(" ")}` : item;
}
