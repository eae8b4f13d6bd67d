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
  const email = emailAddress(cell("email"), mapping, options);
  if (email.problem) reasons.set(columns.email, email.problem);
  const phone = cell("workPhone");
  const startDate = cell("startDate");
  const candidate = {
    row: source.row,
    externalId: cell("externalId") ?? "",
    managerExternalId: cell("managerExternalId"),
    person: {
      email: email.address ?? "",
      givenName: cell("givenName") ?? "",
      familyName: cell("familyName") ?? "",
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
    columns,
  };
  const parsed = ImportRecord.safeParse(candidate);
  if (parsed.success && reasons.size === 0) {
    return { ok: true, record: parsed.data };
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

function emailAddress(
  value: string | null | undefined,
  mapping: ColumnMapping,
  { emailDomain }: MapRowOptions,
): { address?: string; problem?: string } {
  if (!value) return { problem: "must not be empty" };
  if (mapping.emails === "address" || value.includes("@")) {
    return { address: value };
  }
  const domain = emailDomain?.trim().replace(/^@/, "");
  if (!domain) {
    return {
      problem:
        "holds a user name, and no company email domain was given to " +
        "turn it into an address",
    };
  }
  return { address: `${value}@${domain}` };
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
  return (field && columns[field]) ?? path.join(".");
}

function toReasons(reasons: Map<string, string>): ImportReason[] {
  return [...reasons].map(([field, message]) => ({ field, message }));
}
