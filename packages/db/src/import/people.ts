import { randomUUID } from "node:crypto";
import {
  type AuditRecord,
  displayName,
  type FieldChange,
  fieldChanges,
  type ImportedPerson,
  type ImportRecord,
  sameJson,
} from "@roster/core";
import { type SQL, sql } from "drizzle-orm";
import { recordAudits } from "../audit/record.js";
import type { Context } from "../context.js";
import { searchFields } from "../employee/search-fields.js";
import { type EmployeeRow, employees } from "../employee/table.js";
import { inJsonList, jsonRows } from "../json-rows.js";
import type { ImportLog } from "./log.js";
import type { Placement } from "./organisation.js";

export type Outcome = "created" | "updated" | "unchanged";

/** A person the import has written, or found already as the file says. */
export interface Written {
  record: ImportRecord;
  id: string;
  outcome: Outcome;
  /** The person's version once written. */
  version: number;
  /**
   * Created with the manager link its row asks for (someone, or no one),
   * so the second pass has nothing left to do for them.
   */
  linked?: boolean;
}

type Fields = ImportedPerson & Placement & { externalId: string };

/** Manager links to make as new people are created. */
export interface PlannedManagers {
  /** The manager's export id, by the row of someone new. */
  planned: ReadonlyMap<number, string>;
  /** Directory ids of those managers already in, by export id. */
  known: ReadonlyMap<string, string>;
}

export interface WriteOptions {
  /** The batch's people, already locked by the caller. */
  locked?: readonly EmployeeRow[];
  managers?: PlannedManagers;
  /**
   * A statement of the caller's that depends only on who is written (a
   * checkpoint, say), sent with the batch's writes rather than after
   * their answers come back.
   */
  alongside?: (written: readonly Written[]) => Promise<unknown>;
}

/**
 * Creates or updates the people of one batch, matched by the export's id
 * or by email (among `locked`, when the caller has locked them already).
 * Only the fields the export names are compared and written, so a
 * re-import of the same file changes nothing.
 */
export async function writePeople(
  ctx: Context,
  placed: ReadonlyMap<ImportRecord, Placement>,
  log: ImportLog,
  { locked, managers, alongside }: WriteOptions = {},
): Promise<Written[]> {
  const records = [...placed.keys()];
  if (records.length === 0) {
    await alongside?.([]);
    return [];
  }
  const stored =
    locked ??
    (await ctx.tx
      .select()
      .from(employees)
      .where(matchingPeople(records))
      .for("update"));
  const byEmail = new Map(stored.map((e) => [e.email, e]));
  const byExternalId = new Map(stored.map((e) => [e.externalId, e]));
  const written: Written[] = [];
  const creates: [ImportRecord, Fields][] = [];
  const updates: [EmployeeRow, Fields][] = [];
  for (const [record, placement] of placed) {
    const fields = {
      ...record.person,
      ...placement,
      externalId: record.externalId,
    };
    const sameId = byExternalId.get(record.externalId);
    const sameEmail = byEmail.get(record.person.email);
    const problem = matchProblem(sameId, sameEmail);
    const target = sameId ?? sameEmail;
    if (problem) {
      log.reject(
        record.row,
        record.columns.email ?? record.columns.externalId,
        problem,
      );
    } else if (target) {
      const changed = changedFields(target, fields);
      written.push({
        record,
        id: target.id,
        outcome: changed.length > 0 ? "updated" : "unchanged",
        version: target.version + (changed.length > 0 ? 1 : 0),
      });
      if (changed.length > 0) updates.push([target, fields]);
    } else {
      creates.push([record, fields]);
    }
  }
  // Everything is known before anything is sent, so the statements go
  // out together, without a round trip between them.
  const writing: Promise<unknown>[] = [];
  if (updates.length > 0) writing.push(updatePeople(ctx, updates));
  if (creates.length > 0) {
    const created = createPeople(ctx, creates, managers);
    written.push(...created.written);
    writing.push(created.writing);
  }
  if (alongside) writing.push(alongside(written));
  await Promise.all(writing);
  return written;
}

/** Who in the directory records could match: by email or export id. */
export function matchingPeople(records: readonly ImportRecord[]): SQL {
  return sql`(${inJsonList(
    employees.email,
    records.map((r) => r.person.email),
  )} or ${inJsonList(
    employees.externalId,
    records.map((r) => r.externalId),
  )})`;
}

export function matchProblem(
  sameId: EmployeeRow | undefined,
  sameEmail: EmployeeRow | undefined,
): string | undefined {
  if (sameId && sameEmail && sameId.id !== sameEmail.id) {
    return "already belongs to another person in the directory";
  }
  // Re-keying someone silently could merge two people; HR decides.
  if (!sameId && sameEmail?.externalId) {
    return (
      "belongs to someone in the directory whose HR id is " +
      `${sameEmail.externalId}, not this row's`
    );
  }
  return undefined;
}

function labelOf(p: {
  givenName: string;
  familyName: string;
  preferredName?: string | null;
  email: string;
}): string {
  const name = displayName({
    givenName: p.givenName,
    familyName: p.familyName,
    preferredName: p.preferredName ?? null,
  });
  return `${name} <${p.email}>`;
}

// Ids are made here, so a manager new in the same batch can be linked in
// the same statement (foreign keys are checked at its end); who is
// written is known at once, and `writing` settles once they are.
function createPeople(
  ctx: Context,
  creates: readonly [ImportRecord, Fields][],
  managers: PlannedManagers | undefined,
): { written: Written[]; writing: Promise<unknown> } {
  const ids = new Map(creates.map(([r]) => [r.externalId, randomUUID()]));
  const written = creates.map(([record, placed]) => {
    const id = ids.get(record.externalId) as string;
    const manager = managers?.planned.get(record.row);
    const managerId =
      manager && (managers?.known.get(manager) ?? ids.get(manager));
    const fields = managerId ? { ...placed, managerId } : placed;
    const linked = record.managerExternalId === null || Boolean(managerId);
    return {
      record,
      id,
      outcome: "created" as const,
      version: 1,
      linked,
      fields,
    };
  });
  const values = written.map(({ id, fields }) =>
    Object.assign(
      columnsOf(
        fields,
        searchFields({
          email: fields.email,
          givenName: fields.givenName,
          familyName: fields.familyName,
          preferredName: fields.preferredName ?? null,
          jobTitle: fields.jobTitle ?? null,
          phones: fields.phones ?? [],
        }),
      ),
      { id },
    ),
  );
  const audits = written.map(({ id, fields }) => {
    // Every value it was created with: before, there was no one.
    const changes: FieldChange[] = [];
    for (const [field, after] of Object.entries(fields)) {
      if (after != null) changes.push({ field, before: null, after });
    }
    return {
      action: "employee.created" as const,
      subjectId: id,
      subjectLabel: labelOf(fields),
      changes,
    };
  });
  const writing = Promise.all([
    ctx.tx.execute(sql`
      insert into ${employees} (id, ${sql.raw(WRITTEN.join(", "))})
      select x.id, ${sql.raw(WRITTEN.map((c) => `x.${c}`).join(", "))}
      from jsonb_to_recordset(${jsonRows(values)})
        as x(id uuid, ${sql.raw(RECORD_TYPE)})`),
    recordAudits(ctx, audits),
  ]);
  ctx.emit({ type: "employees.created", count: written.length });
  return {
    written: written.map(({ record, id, outcome, version, linked }) => ({
      record,
      id,
      outcome,
      version,
      linked,
    })),
    writing,
  };
}

// The columns an import writes, and their types for jsonb_to_recordset.
const COLUMN_TYPES = {
  email: "text",
  given_name: "text",
  family_name: "text",
  preferred_name: "text",
  job_title: "text",
  phones: "jsonb",
  start_date: "date",
  department_id: "uuid",
  location_id: "uuid",
  manager_id: "uuid",
  external_id: "text",
  search_text: "text",
  name_key: "text",
  sort_key: "text",
  phone_digits: "text",
} as const;
const WRITTEN = Object.keys(COLUMN_TYPES);
const RECORD_TYPE = Object.entries(COLUMN_TYPES)
  .map(([name, type]) => `${name} ${type}`)
  .join(", ");

type Writable = Omit<Fields, "phones"> & {
  managerId?: string | null;
  preferredName?: string | null;
  jobTitle?: string | null;
  phones?: unknown;
};

// Every column an import writes, by its SQL name; columns the export does
// not name keep the stored value, which the caller has merged in.
function columnsOf(f: Writable, search: ReturnType<typeof searchFields>) {
  return {
    email: f.email,
    given_name: f.givenName,
    family_name: f.familyName,
    preferred_name: f.preferredName ?? null,
    job_title: f.jobTitle ?? null,
    phones: f.phones ?? [],
    start_date: f.startDate ?? null,
    department_id: f.departmentId ?? null,
    location_id: f.locationId ?? null,
    manager_id: f.managerId ?? null,
    external_id: f.externalId,
    search_text: search.searchText,
    name_key: search.nameKey,
    sort_key: search.sortKey,
    phone_digits: search.phoneDigits,
  };
}

function changedFields(stored: EmployeeRow, fields: Fields): (keyof Fields)[] {
  return (Object.keys(fields) as (keyof Fields)[]).filter(
    (key) => !sameJson(fields[key], stored[key]),
  );
}

// One statement for the batch's changed people; each gets one audit entry
// and one event naming the fields that changed.
async function updatePeople(
  ctx: Context,
  updates: readonly [EmployeeRow, Fields][],
): Promise<void> {
  const values = updates.map(([stored, fields]) => {
    const merged = { ...stored, ...fields };
    return {
      id: stored.id,
      version: stored.version + 1,
      ...columnsOf(merged, searchFields(merged)),
    };
  });
  const updated = ctx.tx.execute(sql`
    update ${employees} as e set
      ${sql.raw(WRITTEN.map((c) => `${c} = x.${c}`).join(", "))},
      version = x.version, updated_at = now()
    from jsonb_to_recordset(${jsonRows(values)})
      as x(id uuid, version integer, ${sql.raw(RECORD_TYPE)})
    where e.id = x.id`);
  const audits: AuditRecord[] = [];
  for (const [stored, fields] of updates) {
    const changed = changedFields(stored, fields);
    audits.push({
      action: "employee.updated",
      subjectId: stored.id,
      subjectLabel: labelOf({ ...stored, ...fields }),
      changes: fieldChanges(
        stored as Record<string, unknown>,
        fields as unknown as Record<string, unknown>,
        changed,
      ),
    });
    ctx.emit({
      type: "employee.updated",
      id: stored.id,
      version: stored.version + 1,
      fields: changed,
    });
  }
  await Promise.all([updated, recordAudits(ctx, audits)]);
}
