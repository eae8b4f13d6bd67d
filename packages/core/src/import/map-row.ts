import type { z } from "zod";
import { guessTimeZone } from "../location/index.js";
import type { ColumnMapping, MappingColumns } from "./mapping.js";
import {
  type ImportReason,
  ImportRecord,
  type MappedRow,
  type SourceRow,
} from "./record.js";
import {
  calendarDate,
  cellValue,
  internationalPhone,
  isoCountryCode,
} from "./values.js";

export interface MapRowOptions {
  /** The company's email domain, for exports that hold user names. */
  emailDomain?: string | undefined;
}

type Field = keyof MappingColumns;

// Where a problem found by the schemas sits, as the mapping field it came
// from; anything not listed is named by its path.
const ISSUE_FIELDS: Record<string, Field> = {
  externalId: "externalId",
  managerExternalId: "managerExternalId",
  "person.email": "email",
  "person.givenName": "givenName",
  "person.familyName": "familyName",
  "person.preferredName": "preferredName",
  "person.jobTitle": "jobTitle",
  "person.phones": "workPhone",
  "person.startDate": "startDate",
  "department.name": "departmentName",
  "location.externalId": "locationExternalId",
  "location.name": "locationName",
  "location.city": "locationCity",
  "location.region": "locationRegion",
  "location.countryCode": "locationCountry",
};

// What each row checks: the columns are the mapping's, checked with it,
// and the same for every row.
const RowFields = ImportRecord.omit({ columns: true });

/**
 * Maps one export row onto Roster's fields and checks it with the core
 * schemas: every cell trimmed, empty cells treated as absent.
 */
export function mapRow(
  source: SourceRow,
  mapping: ColumnMapping,
  options: MapRowOptions = {},
): MappedRow {
  const { columns } = mapping;
  // undefined: the mapping has no such column; null: the cell is empty.
  const cell = (field: Field) => {
    const name = columns[field];
    return name === undefined ? undefined : cellValue(source.values[name]);
  };
  const reasons = new Map<string, string>();
  const email = emailAddress(cell, mapping, options);
  if (email.problem) {
    reasons.set(columns.email ?? columns.externalId, email.problem);
  }
  const name = namesOf(cell);
  const full = cell("fullName");
  if (full && !name.family && columns.fullName) {
    reasons.set(
      columns.fullName,
      `"${full}" is one word; a given and a family name are needed`,
    );
  }
  const phone = cell("workPhone");
  const startDate = cell("startDate");
  const candidate = {
    row: source.row,
    externalId: cell("externalId") ?? "",
    managerExternalId: cell("managerExternalId"),
    person: {
      email: email.address ?? "",
      givenName: name.given,
      familyName: name.family,
      ...present("preferredName", cell("preferredName")),
      ...present("jobTitle", cell("jobTitle")),
      ...present("phones", phonesOf(phone, mapping)),
      ...present(
        "startDate",
        startDate && (calendarDate(startDate) ?? startDate),
      ),
    },
    department: nullable(cell("departmentName"), (name) => ({ name })),
    location: officeOf(cell),
  };
  const parsed = RowFields.safeParse(candidate);
  if (parsed.success && reasons.size === 0) {
    return { ok: true, record: { ...parsed.data, columns } };
  }
  for (const issue of parsed.error?.issues ?? []) {
    const field = issueColumn(issue, columns);
    if (!reasons.has(field)) reasons.set(field, issue.message);
  }
  return {
    ok: false,
    rejected: { row: source.row, reasons: toReasons(reasons) },
  };
}

function officeOf(cell: (field: Field) => string | null | undefined) {
  return nullable(cell("locationExternalId"), (externalId) => {
    const region = cell("locationRegion") ?? null;
    const country = cell("locationCountry");
    const countryCode = country ? isoCountryCode(country) : null;
    return {
      externalId,
      name: cell("locationName") ?? "",
      city: cell("locationCity") ?? null,
      region,
      countryCode,
      timeZone: guessTimeZone(countryCode, region) ?? null,
    };
  });
}

function phonesOf(value: string | null | undefined, mapping: ColumnMapping) {
  if (value === undefined) return undefined;
  if (value === null) return [];
  const number = internationalPhone(value, mapping.dialling);
  return [{ kind: "work" as const, number }];
}

type Cell = (field: Field) => string | null | undefined;

// A full name splits at its last space: "Ada King Lovelace" is given
// "Ada King", family "Lovelace". A one-word name has no family name,
// which the row is refused for.
function namesOf(cell: Cell): { given: string; family: string } {
  const full = cell("fullName");
  if (full === undefined) {
    return { given: cell("givenName") ?? "", family: cell("familyName") ?? "" };
  }
  const words = (full ?? "").split(/[\s\p{Z}]+/u);
  const family = words.length > 1 ? (words.pop() ?? "") : "";
  return { given: words.join(" "), family };
}

function emailAddress(
  cell: Cell,
  mapping: ColumnMapping,
  { emailDomain }: MapRowOptions,
): { address?: string; problem?: string } {
  const fromId = mapping.emails === "externalId";
  const value = fromId ? mailboxOf(cell("externalId")) : cell("email");
  if (!value) return { problem: "must not be empty" };
  if (mapping.emails === "address" || value.includes("@")) {
    return { address: value };
  }
  const domain = emailDomain?.trim().replace(/^@/, "");
  if (!domain) {
    return {
      problem: fromId
        ? "makes email addresses from ids, and no company email domain " +
          "was given to put them at"
        : "holds a user name, and no company email domain was given to " +
          "turn it into an address",
    };
  }
  return { address: `${value}@${domain}` };
}

// An id such as `O-6066` as a mailbox: lower case, anything else dashed.
function mailboxOf(id: string | null | undefined): string | null {
  if (!id) return null;
  const mailbox = id
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "");
  return mailbox || null;
}

// Keeps an unmapped field out of the record, so it is never written.
function present<K extends string, V>(key: K, value: V | undefined) {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function nullable<T>(value: string | null | undefined, to: (v: string) => T) {
  if (value === undefined) return undefined;
  return value === null ? null : to(value);
}

function issueColumn(issue: z.core.$ZodIssue, columns: MappingColumns) {
  const path = issue.path.map(String);
  const field = ISSUE_FIELDS[path.slice(0, 2).join(".")];
  const name = field === "givenName" || field === "familyName";
  return (
    (field && columns[field]) ??
    (name ? columns.fullName : undefined) ??
    (field === "email" ? columns.externalId : undefined) ??
    path.join(".")
  );
}

function toReasons(reasons: Map<string, string>): ImportReason[] {
  return [...reasons].map(([field, message]) => ({ field, message }));
}
