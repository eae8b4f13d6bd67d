import type { Employee } from "../api/types";
import { type EmployeeForm, formFromEmployee } from "./employee-form";

type FormKey = keyof EmployeeForm;

/** What each form field is called on screen, for notices. */
export const FORM_LABELS: Record<FormKey, string> = {
  email: "Work email",
  givenName: "Given name",
  familyName: "Family name",
  preferredName: "Preferred name",
  pronouns: "Pronouns",
  jobTitle: "Job title",
  departmentId: "Department",
  locationId: "Location",
  manager: "Manager",
  phones: "Phones",
  startDate: "Start date",
  skills: "Skills",
  badges: "Badges",
  bio: "Bio",
  role: "Access",
  personalPhone: "Personal phone",
  birthday: "Birthday",
  privacy: "Who sees what",
};

// Field names as events carry them, where they differ from the form's.
const EVENT_LABELS: Record<string, string> = {
  managerId: FORM_LABELS.manager,
  photo: "Photo",
  photoKey: "Photo",
};

/** Screen names for the fields an `employee.updated` event lists. */
export function changedLabels(fields: readonly string[]): string[] {
  const labels = fields.map(
    (f) => EVENT_LABELS[f] ?? FORM_LABELS[f as FormKey] ?? f,
  );
  return [...new Set(labels)];
}

/** A field both sides changed, to different values. */
export interface Conflict {
  field: FormKey;
  /** Their value as the form would show it. */
  theirs: EmployeeForm[FormKey];
}

export interface Rebased {
  form: EmployeeForm;
  /** Fields that took their newer value. */
  taken: FormKey[];
  /** Fields where the reader's edit is kept over a different change. */
  conflicts: Conflict[];
}

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Moves an edit in progress onto a newer version of the person: fields
 * the reader has not touched take the newer value, fields they changed
 * keep their edit, and a field both changed differently is a conflict the
 * form points out (the reader's value stays until they choose).
 */
export function rebaseForm(
  base: Employee,
  mine: EmployeeForm,
  latest: Employee,
): Rebased {
  const before = formFromEmployee(base);
  const theirs = formFromEmployee(latest);
  const form = { ...mine };
  const taken: FormKey[] = [];
  const conflicts: Conflict[] = [];
  for (const field of Object.keys(theirs) as FormKey[]) {
    if (same(before[field], theirs[field])) continue;
    if (same(before[field], mine[field])) {
      (form as Record<FormKey, unknown>)[field] = theirs[field];
      taken.push(field);
    } else if (!same(mine[field], theirs[field])) {
      conflicts.push({ field, theirs: theirs[field] });
    }
  }
  return { form, taken, conflicts };
}

/** A form value as one line of text, for a notice. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return "(empty)";
    return value.map(describeItem).join(", ");
  }
  return describeItem(value);
}

function describeItem(item: unknown): string {
  if (typeof item !== "object" || item === null) return String(item);
  const { name, number, kind } = item as Record<string, unknown>;
  if (typeof name === "string") return name;
  if (typeof number === "string") {
    return typeof kind === "string" ? `${number} (${kind})` : number;
  }
  const entries = Object.entries(item);
  if (entries.length === 0) return "(empty)";
  return entries.map(([k, v]) => `${k}: ${String(v)}`).join(", ");
}
