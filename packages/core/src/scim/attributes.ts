import { SCIM_ENTERPRISE_USER, SCIM_USER } from "./schemas.js";

/** A SCIM resource as JSON: attribute names in their canonical spelling. */
export type ScimObject = Record<string, unknown>;

// Canonical spellings, keyed by lower case: RFC 7643 makes attribute
// names case-insensitive, and identity providers vary.
const spellings = (names: string[]) =>
  new Map(names.map((n) => [n.toLowerCase(), n]));

const CORE = spellings([
  "schemas",
  "id",
  "externalId",
  "meta",
  "userName",
  "name",
  "displayName",
  "nickName",
  "profileUrl",
  "title",
  "userType",
  "preferredLanguage",
  "locale",
  "timezone",
  "active",
  "password",
  "emails",
  "phoneNumbers",
  "ims",
  "photos",
  "addresses",
  "groups",
  "entitlements",
  "roles",
  "x509Certificates",
]);
const ENTERPRISE = spellings([
  "employeeNumber",
  "costCenter",
  "organization",
  "division",
  "department",
  "manager",
]);
const SUB = spellings([
  "formatted",
  "familyName",
  "givenName",
  "middleName",
  "honorificPrefix",
  "honorificSuffix",
  "value",
  "display",
  "type",
  "primary",
  "displayName",
  "$ref",
]);

/** Multi-valued attributes: their values are lists of objects. */
export const MULTI_VALUED = new Set([
  "emails",
  "phoneNumbers",
  "ims",
  "photos",
  "addresses",
  "groups",
  "entitlements",
  "roles",
  "x509Certificates",
]);

/** Attributes a client may never set. */
export const READ_ONLY = new Set(["id", "meta", "groups"]);

export type SchemaPart = "core" | "enterprise";

/** The canonical name of an attribute of `part`, or the name as sent. */
export function canonicalAttribute(part: SchemaPart, name: string): string {
  const table = part === "core" ? CORE : ENTERPRISE;
  return table.get(name.toLowerCase()) ?? name;
}

/** The canonical name of a sub-attribute, or the name as sent. */
export function canonicalSub(name: string): string {
  return SUB.get(name.toLowerCase()) ?? name;
}

const CORE_URN = SCIM_USER.toLowerCase();
const ENTERPRISE_URN = SCIM_ENTERPRISE_USER.toLowerCase();

/**
 * Which schema a possibly URN-qualified name belongs to, and the rest of
 * it: `urn:...:enterprise:2.0:User:manager` is the enterprise `manager`.
 */
export function splitSchema(name: string): { part: SchemaPart; rest: string } {
  const lower = name.toLowerCase();
  if (lower === ENTERPRISE_URN) return { part: "enterprise", rest: "" };
  if (lower.startsWith(`${ENTERPRISE_URN}:`)) {
    return { part: "enterprise", rest: name.slice(ENTERPRISE_URN.length + 1) };
  }
  if (lower.startsWith(`${CORE_URN}:`)) {
    return { part: "core", rest: name.slice(CORE_URN.length + 1) };
  }
  return { part: "core", rest: name };
}

const isObject = (v: unknown): v is ScimObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (!isObject(value)) return value;
  const out: ScimObject = {};
  for (const [key, v] of Object.entries(value)) out[canonicalSub(key)] = v;
  return out;
}

/**
 * A client's User with every attribute name in canonical spelling and
 * the enterprise extension under its URN, however the names were cased.
 */
export function canonicalUser(input: ScimObject): ScimObject {
  const out: ScimObject = {};
  const enterprise: ScimObject = {};
  for (const [key, value] of Object.entries(input)) {
    const { part, rest } = splitSchema(key);
    if (part === "enterprise" && rest === "") {
      if (isObject(value)) {
        for (const [k, v] of Object.entries(value)) {
          enterprise[canonicalAttribute("enterprise", k)] = canonicalValue(v);
        }
      }
    } else if (part === "enterprise") {
      enterprise[canonicalAttribute("enterprise", rest)] =
        canonicalValue(value);
    } else {
      out[canonicalAttribute("core", rest)] = canonicalValue(value);
    }
  }
  if (Object.keys(enterprise).length > 0) {
    out[SCIM_ENTERPRISE_USER] = enterprise;
  }
  return out;
}

export { isObject };
