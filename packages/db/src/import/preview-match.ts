import {
  foldForSearch,
  type ImportReason,
  type ImportRecord,
  sameJson,
} from "@roster/core";
import { eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client.js";
import { departments } from "../department/table.js";
import { type EmployeeRow, employees } from "../employee/table.js";
import { inJsonList } from "../json-rows.js";
import { locations } from "../location/table.js";
import { matchingPeople, matchProblem } from "./people.js";
import type { FieldChange, PreviewKind } from "./table.js";

/** A stored person with the names the diff shows for their links. */
interface StoredPerson {
  row: EmployeeRow;
  departmentName: string | null;
  departmentKey: string | null;
  locationName: string | null;
  managerId: string | null;
  managerExternalId: string | null;
  /** Who the manager is in the diff: their export id, else email. */
  managerLabel: string | null;
}

/** How the preview sees one record against the directory. */
export interface RecordDiff {
  kind: PreviewKind;
  employeeId: string | null;
  employeeVersion: number | null;
  changes: FieldChange[];
  reasons: ImportReason[];
}

// The person's own fields, in the order the diff lists them.
const PERSON_FIELDS = [
  "email",
  "givenName",
  "familyName",
  "preferredName",
  "jobTitle",
  "phones",
  "startDate",
] as const;

/**
 * Compares one batch of records with the directory as the apply will:
 * matched by the export's id or email, only the fields the export names,
 * departments by folded name and offices by id (or by the name of an
 * office without one).
 */
export async function diffBatch(
  db: Executor,
  records: readonly ImportRecord[],
): Promise<Map<ImportRecord, RecordDiff>> {
  // Sent together: neither read needs the other's answer.
  const [stored, offices] = await Promise.all([
    storedPeople(db, records),
    storedOffices(db, records),
  ]);
  const byEmail = new Map(stored.map((p) => [p.row.email, p]));
  const byId = new Map(stored.map((p) => [p.row.externalId, p]));
  const result = new Map<ImportRecord, RecordDiff>();
  for (const record of records) {
    const sameId = byId.get(record.externalId);
    const sameEmail = byEmail.get(record.person.email);
    const problem = matchProblem(sameId?.row, sameEmail?.row);
    const target = sameId ?? sameEmail;
    const office = officeOf(record, offices);
    const reasons: ImportReason[] = [];
    if (problem) {
      reasons.push({
        field: record.columns.email ?? record.columns.externalId,
        message: problem,
      });
    }
    if (office.problem) reasons.push(office.problem);
    // A new person's own fields are all in the record, which is stored
    // beside the diff: only the manager link, which the whole file
    // settles, is kept as a change (see `newPersonChanges`).
    const changes =
      reasons.length > 0
        ? []
        : [
            ...(target ? fieldChanges(record, target, office) : []),
            ...managerChange(record, target),
          ];
    result.set(record, {
      kind:
        reasons.length > 0
          ? "rejected"
          : !target
            ? "new"
            : changes.length > 0
              ? "changed"
              : "unchanged",
      employeeId: target?.row.id ?? null,
      employeeVersion: target?.row.version ?? null,
      changes,
      reasons,
    });
  }
  return result;
}

/**
 * The diff of a new person's row: every field the record sets (as the
 * preview compares them against no one), then the stored changes, which
 * for a new row hold only its manager link.
 */
export function newPersonChanges(
  record: ImportRecord,
  stored: readonly FieldChange[],
): FieldChange[] {
  return [...fieldChanges(record, undefined, {}), ...stored];
}

function fieldChanges(
  record: ImportRecord,
  target: StoredPerson | undefined,
  office: OfficeMatch,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const stored = target?.row;
  const compare = (field: string, before: unknown, after: unknown) => {
    if (!sameJson(before, after)) {
      changes.push({ field, before: before ?? null, after: after ?? null });
    }
  };
  compare("externalId", stored?.externalId, record.externalId);
  for (const field of PERSON_FIELDS) {
    const value = record.person[field];
    if (value !== undefined) compare(field, stored?.[field], value);
  }
  if (record.department !== undefined) {
    const wanted = record.department && foldForSearch(record.department.name);
    if ((target?.departmentKey ?? null) !== (wanted ?? null)) {
      changes.push({
        field: "department",
        before: target?.departmentName ?? null,
        after: record.department?.name ?? null,
      });
    }
  }
  if (record.location !== undefined) {
    const wanted = record.location === null ? null : office.id;
    const same =
      wanted !== undefined && (stored?.locationId ?? null) === wanted;
    if (!same) {
      changes.push({
        field: "location",
        before: target?.locationName ?? null,
        after: record.location?.name ?? null,
      });
    }
  }
  return changes;
}

/**
 * The manager change the row makes if its link resolves as it usually
 * does: a manager id names the person who holds it, so the link changes
 * unless the stored manager holds that id. Whether it resolves at all
 * (and to whom, when the stored manager has no id) is settled once the
 * whole file is staged, and only rows where this guess was wrong are
 * rewritten then.
 */
function managerChange(
  record: ImportRecord,
  target: StoredPerson | undefined,
): FieldChange[] {
  const wanted = record.managerExternalId;
  if (wanted === undefined) return [];
  const same =
    wanted === null
      ? (target?.managerId ?? null) === null
      : target?.managerExternalId === wanted;
  if (same) return [];
  return [
    { field: "manager", before: target?.managerLabel ?? null, after: wanted },
  ];
}

async function storedPeople(
  db: Executor,
  records: readonly ImportRecord[],
): Promise<StoredPerson[]> {
  if (records.length === 0) return [];
  const manager = alias(employees, "manager");
  const rows = await db
    .select({
      row: employees,
      departmentName: departments.name,
      departmentKey: departments.nameKey,
      locationName: locations.name,
      managerExternalId: manager.externalId,
      managerEmail: manager.email,
    })
    .from(employees)
    .leftJoin(departments, eq(departments.id, employees.departmentId))
    .leftJoin(locations, eq(locations.id, employees.locationId))
    .leftJoin(manager, eq(manager.id, employees.managerId))
    .where(matchingPeople(records));
  return rows.map((r) => ({
    row: r.row,
    departmentName: r.departmentName,
    departmentKey: r.departmentKey,
    locationName: r.locationName,
    managerId: r.row.managerId,
    managerExternalId: r.managerExternalId,
    managerLabel: r.managerExternalId ?? r.managerEmail,
  }));
}

interface StoredOffice {
  id: string;
  name: string;
  nameKey: string;
  externalId: string | null;
}

interface OfficeMatch {
  /** The office the apply will use; undefined when it will be created. */
  id?: string | undefined;
  problem?: ImportReason;
}

interface Offices {
  byId: Map<string, StoredOffice>;
  byName: Map<string, StoredOffice>;
}

async function storedOffices(
  db: Executor,
  records: readonly ImportRecord[],
): Promise<Offices> {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const { location } of records) {
    if (!location) continue;
    ids.add(location.externalId);
    keys.add(foldForSearch(location.name));
  }
  const rows =
    ids.size === 0
      ? []
      : await db
          .select({
            id: locations.id,
            name: locations.name,
            nameKey: locations.nameKey,
            externalId: locations.externalId,
          })
          .from(locations)
          .where(
            or(
              inJsonList(locations.externalId, [...ids]),
              inJsonList(locations.nameKey, [...keys]),
            ),
          );
  return {
    byId: new Map(
      rows.flatMap((l) => (l.externalId ? [[l.externalId, l]] : [])),
    ),
    byName: new Map(rows.map((l) => [l.nameKey, l])),
  };
}

// Mirrors how the apply settles an office: by its id, else by the name of
// an office that has no id yet, else a new one; a name held by another
// office's id is refused.
function officeOf(record: ImportRecord, offices: Offices): OfficeMatch {
  const location = record.location;
  if (!location) return {};
  const mine = offices.byId.get(location.externalId);
  const holder = offices.byName.get(foldForSearch(location.name));
  const nameTaken =
    holder !== undefined &&
    holder.id !== mine?.id &&
    (mine !== undefined || holder.externalId !== null);
  if (nameTaken) {
    return {
      problem: {
        field: record.columns.locationName ?? "",
        message: `another office is already named ${location.name}`,
      },
    };
  }
  const target = mine ?? holder;
  return { id: target?.id };
}
