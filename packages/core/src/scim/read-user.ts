import type { z } from "zod";
import { DepartmentCreate } from "../department/index.js";
import { normalizeEmail } from "../employee/email.js";
import { EmployeeFields, type Phone } from "../employee/schema.js";
import { type FieldIssue, ValidationError } from "../errors/index.js";
import { isUuid } from "../ids.js";
import { isObject, type ScimObject } from "./attributes.js";
import { SCIM_ENTERPRISE_USER } from "./schemas.js";

/** What a SCIM User asks of a person, in Roster's terms. */
export interface ScimUserChanges {
  fields: Pick<
    EmployeeFields,
    | "email"
    | "givenName"
    | "familyName"
    | "preferredName"
    | "jobTitle"
    | "phones"
    | "managerId"
  >;
  /** The department by name; created when no department has it. */
  departmentName: string | null;
  /** The identity provider's id for the person; undefined when not sent. */
  externalId: string | null | undefined;
  active: boolean;
}

const MAX_PHONES = 10;

class Reader {
  readonly issues: FieldIssue[] = [];

  fail(path: string, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  /** `value` through one of the employee field schemas, else an issue. */
  check<S extends z.ZodType>(
    schema: S,
    value: unknown,
    path: string,
  ): z.output<S> | undefined {
    if (value === undefined || value === null) {
      return this.fail(path, "is required");
    }
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    return this.fail(path, result.error.issues[0]?.message ?? "is not valid");
  }

  /** A string attribute; absent, null and "" read as null. */
  optional(value: unknown, path: string): string | null | undefined {
    if (value === undefined || value === null || value === "") return null;
    if (typeof value !== "string") return this.fail(path, "must be a string");
    return value;
  }
}

/** `true`, `false` or their strings in any case, as Entra ID sends them. */
function readActive(value: unknown, r: Reader): boolean | undefined {
  if (value === undefined || value === null) return true;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") {
    const lower = value.trim().toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  return r.fail("active", "must be true or false");
}

const list = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value == null ? [] : [value];

// The first work address wins (else the primary one): Roster keeps one,
// so further addresses a client adds are ignored.
function workEmailOf(value: unknown): unknown {
  const emails = list(value).filter(isObject);
  const work = emails.find((e) => String(e.type).toLowerCase() === "work");
  return (work ?? emails.find((e) => e.primary === true))?.value;
}

function readPhones(value: unknown, r: Reader): Phone[] | undefined {
  const phones: Phone[] = [];
  for (const [i, item] of list(value).entries()) {
    const path = `phoneNumbers[${i}]`;
    if (!isObject(item)) return r.fail(path, "must be an object");
    if (item.value === undefined || item.value === "") continue;
    const type = String(item.type ?? "").toLowerCase();
    const kind = type === "work" || type === "mobile" ? type : "other";
    const number = r.check(
      EmployeeFields.shape.phones.element.shape.number,
      item.value,
      `${path}.value`,
    );
    if (number !== undefined) phones.push({ kind, number });
  }
  if (phones.length > MAX_PHONES) {
    return r.fail("phoneNumbers", `must list at most ${MAX_PHONES} numbers`);
  }
  return phones;
}

/** Identity providers' ids are short; Entra's object ids are 36. */
const MAX_EXTERNAL_ID = 255;

function readManager(value: unknown, r: Reader): string | null | undefined {
  const id = isObject(value) ? value.value : value;
  if (id === undefined || id === null || id === "") return null;
  if (typeof id !== "string" || !isUuid(id)) {
    return r.fail(
      `${SCIM_ENTERPRISE_USER}:manager.value`,
      "must be the id of a Roster user",
    );
  }
  return id.toLowerCase();
}

/**
 * Reads a whole User (a POST or PUT body, or a patched resource) as the
 * changes it asks for. Attributes Roster does not keep are ignored, and
 * `displayName` is derived from the names rather than stored. Problems
 * are reported together, each at its SCIM attribute path.
 */
export function readScimUser(user: ScimObject): ScimUserChanges {
  const r = new Reader();
  const shape = EmployeeFields.shape;
  const name = isObject(user.name) ? user.name : {};
  const enterprise = isObject(user[SCIM_ENTERPRISE_USER])
    ? (user[SCIM_ENTERPRISE_USER] as ScimObject)
    : {};
  const email = r.check(shape.email, user.userName, "userName");
  const sentEmail = workEmailOf(user.emails);
  if (
    email !== undefined &&
    typeof sentEmail === "string" &&
    sentEmail !== "" &&
    normalizeEmail(sentEmail) !== email
  ) {
    r.fail(
      'emails[type eq "work"].value',
      `differs from userName (${email}); Roster keeps one work address, ` +
        "so send the same address in both",
    );
  }
  const preferred = r.optional(user.nickName, "nickName");
  const title = r.optional(user.title, "title");
  const department = r.optional(
    enterprise.department,
    `${SCIM_ENTERPRISE_USER}:department`,
  );
  const externalId = r.optional(user.externalId, "externalId");
  if (externalId && externalId.length > MAX_EXTERNAL_ID) {
    r.fail("externalId", `must be at most ${MAX_EXTERNAL_ID} characters`);
  }
  const fields = {
    email,
    givenName: r.check(shape.givenName, name.givenName, "name.givenName"),
    familyName: r.check(shape.familyName, name.familyName, "name.familyName"),
    preferredName:
      preferred && r.check(shape.preferredName, preferred, "nickName"),
    jobTitle: title && r.check(shape.jobTitle, title, "title"),
    phones: readPhones(user.phoneNumbers, r),
    managerId: readManager(enterprise.manager, r),
  };
  const departmentName =
    department &&
    r.check(
      DepartmentCreate.shape.name,
      department,
      `${SCIM_ENTERPRISE_USER}:department`,
    );
  const active = readActive(user.active, r);
  if (r.issues.length > 0) throw new ValidationError(r.issues);
  return {
    fields: fields as ScimUserChanges["fields"],
    departmentName: departmentName ?? null,
    externalId:
      user.externalId === undefined ? undefined : (externalId ?? null),
    active: active ?? true,
  };
}
