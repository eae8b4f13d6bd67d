import {
  canonicalJson,
  displayName,
  fieldChanges,
  type ImportedPerson,
  type ImportRecord,
} from "@roster/core";
import { eq, inArray, or, sql } from "drizzle-orm";
import { recordAudits } from "../audit/record.js";
import type { Context } from "../context.js";
import { searchFields } from "../employee/search-fields.js";
import { type EmployeeRow, employees } from "../employee/table.js";
import type { ImportLog } from "./log.js";
import type { Placement } from "./organisation.js";

export type Outcome = "created" | "updated" | "unchanged";

/** A person the import has written, or found already as the file says. */
export interface Written {
  record: ImportRecord;
  id: string;
  outcome: Outcome;
}

type Fields = ImportedPerson & Placement & { externalId: string };

/**
 * Creates or updates the people of one batch, matched by the export's id
 * or by email. Only the fields the export names are compared and written,
 * so a re-import of the same file changes nothing.
 */
export async function writePeople(
  ctx: Context,
  placed: ReadonlyMap<ImportRecord, Placement>,
  log: ImportLog,
): Promise<Written[]> {
  const records = [...placed.keys()];
  if (records.length === 0) return [];
  const stored = await ctx.tx
    .select()
    .from(employees)
    .where(
      or(
        inArray(
          employees.email,
          records.map((r) => r.person.email),
        ),
        inArray(
          employees.externalId,
          records.map((r) => r.externalId),
        ),
      ),
    )
    .for("update");
  const byEmail = new Map(stored.map((e) => [e.email, e]));
  const byExternalId = new Map(stored.map((e) => [e.externalId, e]));
  const written: Written[] = [];
  const creates: [ImportRecord, Fields][] = [];
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
      const outcome = await updatePerson(ctx, target, fields);
      written.push({ record, id: target.id, outcome });
    } else {
      creates.push([record, fields]);
    }
  }
  if (creates.length > 0) written.push(...(await createPeople(ctx, creates)));
  return written;
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
  return `${displayName({ ...p, preferredName: p.preferredName ?? null })} <${p.email}>`;
}

async function createPeople(
  ctx: Context,
  creates: readonly [ImportRecord, Fields][],
): Promise<Written[]> {
  const values = creates.map(([, fields]) => {
    const full = { preferredName: null, jobTitle: null, phones: [], ...fields };
    return { ...full, ...searchFields(full) };
  });
  const rows = await ctx.tx
    .insert(employees)
    .values(values)
    .returning({ id: employees.id, externalId: employees.externalId });
  const ids = new Map(rows.map((r) => [r.externalId, r.id]));
  const written = creates.map(([record, fields]) => {
    const id = ids.get(record.externalId);
    if (!id) throw new Error("Insert returned no row.");
    ctx.emit({ type: "employee.created", id, version: 1 });
    return { record, id, outcome: "created" as const, fields };
  });
  await recordAudits(
    ctx,
    written.map(({ id, fields }) => {
      const given = fields as unknown as Record<string, unknown>;
      return {
        action: "employee.created" as const,
        subjectId: id,
        subjectLabel: labelOf(fields),
        changes: fieldChanges(
          {},
          given,
          Object.keys(given).filter((k) => given[k] != null),
        ),
      };
    }),
  );
  return written.map(({ record, id, outcome }) => ({ record, id, outcome }));
}

async function updatePerson(
  ctx: Context,
  stored: EmployeeRow,
  fields: Fields,
): Promise<Outcome> {
  const changed = (Object.keys(fields) as (keyof Fields)[]).filter(
    (key) => canonicalJson(fields[key]) !== canonicalJson(stored[key]),
  );
  if (changed.length === 0) return "unchanged";
  const patch = Object.fromEntries(
    changed.map((key) => [key, fields[key]]),
  ) as Partial<Fields>;
  const version = stored.version + 1;
  await ctx.tx
    .update(employees)
    .set({
      ...patch,
      ...searchFields({ ...stored, ...fields }),
      version,
      updatedAt: sql`now()`,
    })
    .where(eq(employees.id, stored.id));
  await recordAudits(ctx, [
    {
      action: "employee.updated",
      subjectId: stored.id,
      subjectLabel: labelOf({ ...stored, ...fields }),
      changes: fieldChanges(
        stored as Record<string, unknown>,
        fields as unknown as Record<string, unknown>,
        changed,
      ),
    },
  ]);
  ctx.emit({
    type: "employee.updated",
    id: stored.id,
    version,
    fields: changed,
  });
  return "updated";
}
