import type { ImportReason } from "@roster/core";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";

/** One field an import would change: what is stored, what the file says. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What a preview found for a row. */
export type PreviewKind = "new" | "changed" | "unchanged" | "rejected";

/** What applying did with a row. */
export type AppliedOutcome = "created" | "updated" | "unchanged" | "rejected";

/**
 * The rows of a previewed import, one per data row of the file: the
 * preview's diff, and the checkpoint of the apply that follows it. Each
 * apply batch marks its rows `applied` in the transaction that writes
 * them, so an apply that dies resumes with the first row not marked.
 */
export const importRows = pgTable(
  "import_rows",
  {
    /** The preview's job; its rows go with it (see below). */
    jobId: uuid("job_id").notNull(),
    row: integer("row").notNull(),
    kind: text("kind").$type<PreviewKind>().notNull(),
    /** The person matched at preview, or created by the apply. */
    employeeId: uuid("employee_id"),
    /**
     * The matched person's version at preview, then as the apply left
     * them: either way, a stored version past it is someone else's edit.
     */
    employeeVersion: integer("employee_version"),
    /** The checked record to write; null for a rejected row. */
    record: jsonb("record").$type<Record<string, unknown>>(),
    /** The folded name of the office the row names, if any. */
    officeKey: text("office_key"),
    /** A display name for the diff: who this row is. */
    label: text("label").notNull(),
    /**
     * Each field's before and after. A new person's row keeps only its
     * manager link here: its other fields are its record, and the diff
     * lists them from it, so a file of new people is not stored twice.
     */
    changes: jsonb("changes").$type<FieldChange[]>().notNull().default([]),
    reasons: jsonb("reasons").$type<ImportReason[]>().notNull().default([]),
    warnings: jsonb("warnings").$type<ImportReason[]>().notNull().default([]),
    applied: text("applied").$type<AppliedOutcome>(),
    /** Problems the apply found that the preview could not foresee. */
    appliedReasons: jsonb("applied_reasons")
      .$type<ImportReason[]>()
      .notNull()
      .default([]),
    /**
     * Set when the apply wrote this person's manager link: creating them
     * with it, or in its second pass. Such a link is not checked again.
     */
    managerLinked: boolean("manager_linked").notNull().default(false),
    /** The manager the apply's plan links this person to (null: none). */
    linkManager: uuid("link_manager"),
    /** The person's depth in the planned org chart; set when planned. */
    linkDepth: integer("link_depth"),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.row] }),
    index("import_rows_kind").on(t.jobId, t.kind, t.row),
  ],
);
// Migration 0009 also sets the table's fillfactor to 50 (drizzle cannot
// declare it): with room left on each page for the apply's mark of every
// row, the new version stays on its page and keeps its index entries (a
// HOT update), which more than halves the cost of marking a batch.
//
// Neither staging table has a foreign key to `jobs`: checking one costs
// a lookup per row, about a quarter of a second per 100,000 rows, and
// the rows are only ever written by their job's own transactions, which
// hold a lock on the job's row. Migration 0011 instead deletes a job's
// rows from both when the job is deleted, by trigger, as the cascading
// keys did.

/**
 * The order the apply writes a preview's rows in: by each row's depth in
 * the org chart the preview planned, so managers come before their
 * reports. Kept apart from the rows so that setting it for a whole file
 * is an insert of narrow rows, not a rewrite of wide ones.
 */
export const importOrder = pgTable(
  "import_order",
  {
    jobId: uuid("job_id").notNull(),
    depth: integer("depth").notNull(),
    row: integer("row").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.depth, t.row] })],
);

export type ImportRowRecord = typeof importRows.$inferSelect;
