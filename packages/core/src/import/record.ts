import * as z from "zod";
import { DepartmentCreate } from "../department/index.js";
import { EmployeeFields } from "../employee/schema.js";
import { LocationCreate } from "../location/index.js";
import { text } from "../text/index.js";
import { MappingColumns } from "./mapping.js";

const externalId = text({ max: 200 });

/** The person's own fields an import sets; the rest stay as HR left them. */
export const ImportedPerson = EmployeeFields.pick({
  email: true,
  givenName: true,
  familyName: true,
  preferredName: true,
  jobTitle: true,
  phones: true,
  startDate: true,
})
  .partial({
    preferredName: true,
    jobTitle: true,
    phones: true,
    startDate: true,
  })
  .strict();
export type ImportedPerson = z.output<typeof ImportedPerson>;

/** An office as an export names it, matched by the export's own id. */
export const ImportedLocation = LocationCreate.extend({ externalId });
export type ImportedLocation = z.output<typeof ImportedLocation>;

/**
 * One person from an HR export, checked and ready to write. For the
 * optional parts, undefined means the export does not say (leave it alone)
 * and null means it says there is none.
 */
export const ImportRecord = z.object({
  /** The row a spreadsheet shows it on; the header is row 1. */
  row: z.int().positive(),
  externalId,
  managerExternalId: externalId.nullable().optional(),
  person: ImportedPerson,
  department: DepartmentCreate.nullable().optional(),
  location: ImportedLocation.nullable().optional(),
  /** Where each field came from, so later problems name the column. */
  columns: MappingColumns,
});
export type ImportRecord = z.output<typeof ImportRecord>;

/** What is wrong with one cell; `field` is the export's column name. */
export interface ImportReason {
  field: string;
  message: string;
}

/** The problems found on one row of the export. */
export interface RowProblem {
  row: number;
  reasons: ImportReason[];
}

/** A data row as the CSV reader yields it, cells keyed by column name. */
export interface SourceRow {
  row: number;
  values: Readonly<Record<string, string | undefined>>;
}

/** One row of an export, mapped: a record to write, or why it cannot be. */
export type MappedRow =
  | { ok: true; record: ImportRecord }
  | { ok: false; rejected: RowProblem };

/**
 * What an import did. `rejected` lists rows with errors; a row whose only
 * error is its manager link still imported the person (without that link)
 * and is counted above as well. `warnings` are things written that HR
 * should look at.
 */
export interface ImportReport {
  created: number;
  updated: number;
  unchanged: number;
  rejected: RowProblem[];
  warnings: RowProblem[];
}
