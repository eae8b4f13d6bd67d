import {
  type Actor,
  assertCanCreateEmployee,
  assertCanManageOrganisation,
  type ImportRecord,
  type ImportReport,
  type MappedRow,
  ValidationError,
} from "@roster/core";
import { type Directory, transact } from "../context.js";
import { ImportLog } from "./log.js";
import { linkManagers } from "./managers.js";
import {
  adoptOrganisation,
  copyOrganisation,
  newOrganisation,
  placeRecords,
} from "./organisation.js";
import { type Outcome, type Written, writePeople } from "./people.js";

export interface ImportOptions {
  /** Rows written per transaction; events go out as each one commits. */
  batchSize?: number;
}

// Enough rows to make a transaction worth its round trips, few enough that
// an insert stays far below PostgreSQL's limit on bound parameters.
const DEFAULT_BATCH_SIZE = 1000;
const MAX_BATCH_SIZE = 2000;

/**
 * Imports people from an HR export's mapped rows: departments by name,
 * offices and people by the export's ids (people also by email), then
 * everyone's manager. Running the same rows again changes nothing.
 *
 * Each batch commits on its own. A database error the row checks did not
 * foresee stops the import there: earlier batches stay, managers are not
 * linked, and running the file again after fixing the row completes it.
 */
export async function importEmployees(
  directory: Directory,
  actor: Actor,
  rows: AsyncIterable<MappedRow> | Iterable<MappedRow>,
  { batchSize = DEFAULT_BATCH_SIZE }: ImportOptions = {},
): Promise<ImportReport> {
  assertCanCreateEmployee(actor, "employee");
  assertCanManageOrganisation(actor);
  if (
    !Number.isInteger(batchSize) ||
    batchSize < 1 ||
    batchSize > MAX_BATCH_SIZE
  ) {
    throw new ValidationError([
      {
        path: "batchSize",
        message: `must be a whole number from 1 to ${MAX_BATCH_SIZE}`,
      },
    ]);
  }
  const log = new ImportLog();
  const org = newOrganisation();
  const isRepeat = repeatChecker(log);
  const written: Written[] = [];
  let batch: ImportRecord[] = [];
  const flush = async () => {
    const records = batch;
    batch = [];
    // A retried transaction starts again from what had committed.
    const done = await transact(directory, actor, async (ctx) => {
      const settled = copyOrganisation(org);
      const found = new ImportLog();
      const people = await writePeople(
        ctx,
        await placeRecords(ctx, records, settled, found),
        found,
      );
      return { people, settled, found };
    });
    adoptOrganisation(org, done.settled);
    log.append(done.found);
    written.push(...done.people);
  };
  for await (const item of rows) {
    if (!item.ok) log.rejectRow(item.rejected);
    else if (!isRepeat(item.record)) batch.push(item.record);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  const relinked = await linkManagers(
    directory,
    actor,
    written,
    log,
    batchSize,
  );
  // A new manager alone makes an otherwise unchanged person updated.
  const outcomes = written.map((p) =>
    p.outcome === "unchanged" && relinked.has(p.id) ? "updated" : p.outcome,
  );
  const count = (outcome: Outcome) =>
    outcomes.filter((o) => o === outcome).length;
  return {
    created: count("created"),
    updated: count("updated"),
    unchanged: count("unchanged"),
    rejected: log.rejected,
    warnings: log.warnings,
  };
}

// One person per file: a later row with the same email or id is rejected,
// citing the row that came first.
function repeatChecker(log: ImportLog) {
  const emails = new Map<string, number>();
  const ids = new Map<string, number>();
  return ({ row, person, externalId, columns }: ImportRecord): boolean => {
    const sameEmail = emails.get(person.email);
    const sameId = ids.get(externalId);
    if (sameEmail !== undefined) {
      log.reject(
        row,
        columns.email ?? columns.externalId,
        `${person.email} is also on row ${sameEmail}`,
      );
    }
    if (sameId !== undefined) {
      log.reject(
        row,
        columns.externalId,
        `${externalId} is also on row ${sameId}`,
      );
    }
    if (sameEmail !== undefined || sameId !== undefined) return true;
    emails.set(person.email, row);
    ids.set(externalId, row);
    return false;
  };
}
