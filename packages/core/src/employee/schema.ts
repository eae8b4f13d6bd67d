import * as z from "zod";
import { FACE_FINDINGS } from "../photo/index.js";
import { PrivacyChoices } from "../policy/visibility.js";
import { text } from "../text/index.js";
import { workEmail } from "./email.js";

export const Role = z.enum(["employee", "hr", "admin"]);
export type Role = z.infer<typeof Role>;

export const PhoneKind = z.enum(["work", "mobile", "other"]);

export const Phone = z.object({
  kind: PhoneKind,
  number: text({ max: 40 }).refine((n) => /\d/.test(n), {
    message: "must contain at least one digit",
  }),
});
export type Phone = z.infer<typeof Phone>;

const tag = text({ max: 60 });
const tags = (max: number, noun: string) =>
  z
    .array(tag)
    .max(max)
    .refine((list) => new Set(list).size === list.length, {
      message: `must not list the same ${noun} twice`,
    });
// PostgreSQL has no year 0, and a start date outside these years is a typo.
const isoDate = z.iso
  .date({ message: "must be a date like 2024-01-31" })
  .refine((d) => d >= "1900-01-01" && d <= "2199-12-31", {
    message: "must be between 1900 and 2199",
  });

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A birthday without the year: month and day as MM-DD. */
const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, { message: "must be a month and day like 03-14" })
  .refine(
    (v) => {
      const [month = 0, day = 0] = v.split("-").map(Number);
      return day >= 1 && day <= (DAYS_IN_MONTH[month - 1] ?? 0);
    },
    { message: "is not a day of the year" },
  );

/** The fields a person or HR writes; the shape of create and update bodies. */
export const EmployeeFields = z.object({
  email: workEmail,
  givenName: text({ max: 200 }),
  familyName: text({ max: 200 }),
  preferredName: text({ max: 200 }).nullable(),
  pronouns: text({ max: 40 }).nullable(),
  jobTitle: text({ max: 200 }).nullable(),
  departmentId: z.uuid().nullable(),
  locationId: z.uuid().nullable(),
  managerId: z.uuid().nullable(),
  phones: z.array(Phone).max(10),
  startDate: isoDate.nullable(),
  skills: tags(50, "skill"),
  badges: tags(50, "badge"),
  bio: text({ max: 5000, multiLine: true }).nullable(),
  role: Role,
  personalPhone: text({ max: 40 })
    .refine((n) => /\d/.test(n), {
      message: "must contain at least one digit",
    })
    .nullable(),
  birthday: monthDay.nullable(),
  /** Who may see pronouns, the personal phone and the birthday. */
  privacy: PrivacyChoices,
});
export type EmployeeFields = z.infer<typeof EmployeeFields>;

/** Fields an employee may change on their own profile. */
export const SELF_SERVICE_FIELDS = [
  "preferredName",
  "pronouns",
  "phones",
  "skills",
  "bio",
  "personalPhone",
  "birthday",
  "privacy",
] as const satisfies readonly (keyof EmployeeFields)[];

const optionalDefaults: Omit<
  EmployeeFields,
  "email" | "givenName" | "familyName"
> = {
  preferredName: null,
  pronouns: null,
  jobTitle: null,
  departmentId: null,
  locationId: null,
  managerId: null,
  phones: [],
  startDate: null,
  skills: [],
  badges: [],
  bio: null,
  role: "employee",
  personalPhone: null,
  birthday: null,
  privacy: {},
};

/** A new person: email and names are required, everything else optional. */
export const EmployeeCreate = EmployeeFields.partial()
  .required({ email: true, givenName: true, familyName: true })
  .strict()
  .transform((input) => ({ ...optionalDefaults, ...input }));
export type EmployeeCreate = z.output<typeof EmployeeCreate>;

/** A change to a person: only the fields sent are changed. */
export const EmployeeUpdate = EmployeeFields.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, {
    message: "must change at least one field",
  });
export type EmployeeUpdate = z.infer<typeof EmployeeUpdate>;

const Summary = z.object({ id: z.uuid(), name: z.string() });

/** A person as the directory shows them. */
export const Employee = z.object({
  id: z.uuid(),
  email: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  jobTitle: z.string().nullable(),
  department: Summary.nullable(),
  location: z
    .object({
      id: z.uuid(),
      name: z.string(),
      city: z.string().nullable(),
      region: z.string().nullable(),
      countryCode: z.string().nullable(),
      timeZone: z.string().nullable(),
    })
    .nullable(),
  manager: Summary.nullable(),
  phones: z.array(Phone.extend({ digits: z.string() })),
  startDate: z.string().nullable(),
  skills: z.array(z.string()),
  badges: z.array(z.string()),
  bio: z.string().nullable(),
  photoKey: z.string().nullable(),
  /**
   * What face detection found in the current photo; null without a photo,
   * and for viewers other than the person, HR and admins.
   */
  photoFaces: z.enum(FACE_FINDINGS).nullable(),
  role: Role,
  personalPhone: z.string().nullable(),
  birthday: z.string().nullable(),
  /** The owner's visibility choices: shown to them and to HR only. */
  privacy: PrivacyChoices.nullable(),
  /** Fields withheld from this viewer; their values read as null. */
  hiddenFields: z.array(z.string()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * When the person left (only HR and admins still see them then); null
   * or absent while they are in the directory.
   */
  deactivatedAt: z.string().nullable().optional(),
});
export type Employee = z.infer<typeof Employee>;

/** The name a person goes by, for lists and greetings. */
export function displayName(p: {
  givenName: string;
  familyName: string;
  preferredName: string | null;
}): string {
  return `${p.preferredName ?? p.givenName} ${p.familyName}`;
}

/** A person in a list of others: a manager chain, a team. */
export const PersonSummary = z.object({
  id: z.uuid(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  department: Summary.nullable(),
  photoKey: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** A direct report, with how many people report to them in turn. */
export const DirectReport = PersonSummary.extend({
  directReportCount: z.int(),
  totalReportCount: z.int(),
});
export type DirectReport = z.infer<typeof DirectReport>;
