import type { JobState, Role } from "@roster/core";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamps } from "../timestamps.js";

const moment = (name: string) =>
  timestamp(name, { withTimezone: true, mode: "string" });

/**
 * Background jobs (imports, exports, photos), one row each. A worker
 * process runs one job and beats `heartbeat_at` while it does; a running
 * job whose heartbeat went stale lost its worker. `started_by` has no
 * foreign key: scripts act as a system identity that is nobody in the
 * directory, and a job outlives the person who started it.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type").notNull(),
    status: text("status").$type<JobState>().notNull().default("queued"),
    params: jsonb("params")
      .$type<Record<string, unknown>>()
      .notNull()
      .default({}),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total"),
    counts: jsonb("counts")
      .$type<Record<string, number>>()
      .notNull()
      .default({}),
    reportKey: text("report_key"),
    error: text("error"),
    attempt: integer("attempt").notNull().default(1),
    startedBy: uuid("started_by"),
    /** The starter's role when they started it: what the job may do. */
    startedByRole: text("started_by_role").$type<Role>().notNull(),
    workerRef: text("worker_ref"),
    heartbeatAt: moment("heartbeat_at"),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    /** Where a resumed attempt picks up; the handler's own shape. */
    checkpoint: jsonb("checkpoint").$type<Record<string, unknown>>(),
    startedAt: moment("started_at"),
    finishedAt: moment("finished_at"),
    ...timestamps,
  },
  (t) => [
    check(
      "jobs_status_check",
      sql`${t.status} in ('queued','running','succeeded','failed','cancelled')`,
    ),
    check("jobs_attempt_check", sql`${t.attempt} >= 1`),
    index("jobs_created").on(t.createdAt, t.id),
    index("jobs_status").on(t.status),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
