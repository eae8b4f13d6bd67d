import { sql } from "drizzle-orm";
import type { Executor } from "./client.js";

// Advisory lock keys: one number per thing that must not run concurrently.
const REPORTING_LINES = 72_006_418;

/**
 * Serialises changes to reporting lines until the transaction ends, so two
 * concurrent edits cannot each pass the cycle check and together close a
 * loop.
 */
export async function lockReportingLines(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REPORTING_LINES})`);
}
