import type {
  Employee,
  EmployeeFields,
  FieldIssue,
  FieldName,
  Phone,
  PhoneKind,
  PrivacyChoices,
  Role,
} from "../api/types";

/** A chosen person in a picker: enough to show and to send the id. */
export interface PersonChoice {
  id: string;
  name: string;
}

/** What the edit form holds while someone types: strings, never null. */
export interface EmployeeForm {
  email: string;
  givenName: string;
  familyName: string;
  preferredName: string;
  pronouns: string;
  jobTitle: string;
  departmentId: string;
  locationId: string;
  manager: PersonChoice | null;
  phones: { kind: PhoneKind; number: string }[];
  startDate: string;
  skills: string[];
  badges: string[];
  bio: string;
  role: Role;
  personalPhone: string;
  /** MM-DD, or empty. */
  birthday: string;
  privacy: PrivacyChoices;
}

/** An empty form for a new person. */
export function blankForm(): EmployeeForm {
  return {
    email: "",
    givenName: "",
    familyName: "",
    preferredName: "",
    pronouns: "",
    jobTitle: "",
    departmentId: "",
    locationId: "",
    manager: null,
    phones: [],
    startDate: "",
    skills: [],
    badges: [],
    bio: "",
    role: "employee",
    personalPhone: "",
    birthday: "",
    privacy: {},
  };
}

/** The form filled in from a person as the API returned them. */
export function formFromEmployee(e: Employee): EmployeeForm {
  return {
    email: e.email,
    givenName: e.givenName,
    familyName: e.familyName,
    preferredName: e.preferredName ?? "",
    pronouns: e.pronouns ?? "",
    jobTitle: e.jobTitle ?? "",
    departmentId: e.department?.id ?? "",
    locationId: e.location?.id ?? "",
    manager: e.manager ? { id: e.manager.id, name: e.manager.name } : null,
    phones: e.phones.map((p) => ({ kind: p.kind, number: p.number })),
    startDate: e.startDate ?? "",
    skills: [...e.skills],
    badges: [...e.badges],
    bio: e.bio ?? "",
    role: e.role,
    personalPhone: e.personalPhone ?? "",
    birthday: e.birthday ?? "",
    privacy: { ...(e.privacy ?? {}) },
  };
}

const line = (value: string): string | null => value.trim() || null;

/**
 * The fields the form describes, cleaned the way the API expects: single
 * lines trimmed, blanks as null, empty tags dropped. Phone rows all stay,
 * blank or not, so the API's `phones.N` issues point at the row on screen.
 * The bio keeps its inner layout and loses only blank edges.
 */
export function fieldsFromForm(form: EmployeeForm): EmployeeFields {
  const tags = (values: string[]) => [
    ...new Set(values.map((v) => v.trim()).filter((v) => v !== "")),
  ];
  const phones: Phone[] = form.phones.map((p) => ({
    kind: p.kind,
    number: p.number.trim(),
  }));
  return {
    email: form.email.trim(),
    givenName: form.givenName.trim(),
    familyName: form.familyName.trim(),
    preferredName: line(form.preferredName),
    pronouns: line(form.pronouns),
    jobTitle: line(form.jobTitle),
    departmentId: form.departmentId || null,
    locationId: form.locationId || null,
    managerId: form.manager?.id ?? null,
    phones,
    startDate: line(form.startDate),
    skills: tags(form.skills),
    badges: tags(form.badges),
    bio: form.bio.trim() === "" ? null : form.bio.replace(/^\n+|\s+$/g, ""),
    role: form.role,
    personalPhone: line(form.personalPhone),
    birthday: line(form.birthday),
    privacy: sortedChoices(form.privacy),
  };
}

// In a fixed key order, so comparing two sets of choices ignores order.
function sortedChoices(choices: PrivacyChoices): PrivacyChoices {
  const keys = ["birthday", "personalPhone", "pronouns"] as const;
  return Object.fromEntries(
    keys.flatMap((k) => (choices[k] ? [[k, choices[k]]] : [])),
  );
}

/** The fields of a person as stored, to compare an edit against. */
export function fieldsFromEmployee(e: Employee): EmployeeFields {
  return fieldsFromForm(formFromEmployee(e));
}

/**
 * Only the fields that differ between `before` and `after`, limited to the
 * ones the actor may change: the body of a PATCH.
 */
export function changedFields(
  before: EmployeeFields,
  after: EmployeeFields,
  allowed?: ReadonlySet<FieldName>,
): Partial<EmployeeFields> {
  const patch: Record<string, unknown> = {};
  for (const name of Object.keys(after) as FieldName[]) {
    if (allowed && !allowed.has(name)) continue;
    if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      patch[name] = after[name];
    }
  }
  return patch as Partial<EmployeeFields>;
}

/** The body of a POST: the required names and email, plus what was set. */
export function createBody(
  fields: EmployeeFields,
  allowed?: ReadonlySet<FieldName>,
): Partial<EmployeeFields> {
  return {
    ...changedFields(fieldsFromForm(blankForm()), fields, allowed),
    email: fields.email,
    givenName: fields.givenName,
    familyName: fields.familyName,
  };
}

/**
 * Issues the browser can spot before asking the API: required names and
 * email, and phone rows left blank.
 */
export function requiredIssues(fields: EmployeeFields): FieldIssue[] {
  const required = ["email", "givenName", "familyName"] as const;
  const issues: FieldIssue[] = required
    .filter((name) => fields[name] === "")
    .map((name) => ({ path: name, message: "is required" }));
  fields.phones.forEach((phone, i) => {
    if (phone.number === "") {
      issues.push({
        path: `phones.${i}.number`,
        message: "needs a number, or remove the row",
      });
    }
  });
  return issues;
}
