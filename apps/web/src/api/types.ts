import type { FaceFinding } from "../lib/photo";

// These mirror the zod schemas in @roster/core, which the web app does not
// depend on yet; keep them in step with packages/core/src.

export type Role = "employee" | "hr" | "admin";
export type PhoneKind = "work" | "mobile" | "other";

export interface Phone {
  kind: PhoneKind;
  number: string;
}

export interface Summary {
  id: string;
  name: string;
}

export interface EmployeeLocation {
  id: string;
  name: string;
  city: string | null;
  countryCode: string | null;
  timeZone: string | null;
}

export interface Employee {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  displayName: string;
  pronouns: string | null;
  jobTitle: string | null;
  department: Summary | null;
  location: EmployeeLocation | null;
  manager: Summary | null;
  phones: (Phone & { digits: string })[];
  startDate: string | null;
  skills: string[];
  badges: string[];
  bio: string | null;
  photoKey: string | null;
  /** What face detection found in the photo; only for the person and HR. */
  photoFaces?: FaceFinding | null;
  role: Role;
  /** Absent from answers older than private fields; null when withheld. */
  personalPhone?: string | null;
  /** Month and day, MM-DD. */
  birthday?: string | null;
  /** The owner's visibility choices; null unless you are them or HR. */
  privacy?: PrivacyChoices | null;
  /** Fields the API withheld from you; they read as null. */
  hiddenFields?: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Who may see a field. */
export type Visibility = "everyone" | "colleagues" | "hr_and_self";

/** The fields whose visibility their owner chooses. */
export type ChoosableField = "pronouns" | "personalPhone" | "birthday";

export type PrivacyChoices = Partial<Record<ChoosableField, Visibility>>;

/** The fields a person or HR writes; create and update bodies use them. */
export interface EmployeeFields {
  email: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  pronouns: string | null;
  jobTitle: string | null;
  departmentId: string | null;
  locationId: string | null;
  managerId: string | null;
  phones: Phone[];
  startDate: string | null;
  skills: string[];
  badges: string[];
  bio: string | null;
  role: Role;
  personalPhone: string | null;
  birthday: string | null;
  privacy: PrivacyChoices;
}

export type FieldName = keyof EmployeeFields;

/** Fields an employee may change on their own profile. */
export const SELF_SERVICE_FIELDS: readonly FieldName[] = [
  "preferredName",
  "pronouns",
  "phones",
  "skills",
  "bio",
  "personalPhone",
  "birthday",
  "privacy",
];

export interface PersonSummary {
  id: string;
  displayName: string;
  jobTitle: string | null;
  department: Summary | null;
  photoKey: string | null;
}

export interface DirectReport extends PersonSummary {
  directReportCount: number;
  totalReportCount: number;
}

export interface Department {
  id: string;
  name: string;
  headcount: number;
}

export interface Location {
  id: string;
  name: string;
  city: string | null;
  region: string | null;
  countryCode: string | null;
  timeZone: string | null;
  headcount: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  department: FacetValue[];
  location: FacetValue[];
  title: FacetValue[];
  skill: FacetValue[];
}

export interface EmployeePage {
  items: Employee[];
  nextCursor: string | null;
  total: number;
}

export interface Me {
  actor: { id: string; role: Role };
  employee: Employee | null;
  canActAs: boolean;
}

export interface FieldIssue {
  path: string;
  message: string;
}
