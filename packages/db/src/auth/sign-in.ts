import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Context } from "../context.js";
import { employees } from "../employee/table.js";
import {
  type ActiveSession,
  createSession,
  endSession,
  type SessionLifetime,
} from "./sessions.js";

/**
 * Starts a session for the acting person, who has just signed in, and
 * records it in the audit trail in the same transaction.
 */
export async function recordSignIn(
  ctx: Context,
  input: { subject: string; email: string },
  lifetime?: SessionLifetime,
): Promise<{ token: string; session: ActiveSession }> {
  const started = await createSession(
    ctx.tx,
    { employeeId: ctx.actor.id, subject: input.subject },
    lifetime,
  );
  await recordAudit(ctx, {
    action: "session.started",
    subjectId: ctx.actor.id,
    subjectLabel: input.email,
    changes: [],
  });
  return started;
}

/** Ends the acting person's session and records that they signed out. */
export async function recordSignOut(
  ctx: Context,
  session: ActiveSession,
): Promise<void> {
  if (!(await endSession(ctx.tx, session.id))) return;
  const [person] = await ctx.tx
    .select({ email: employees.email })
    .from(employees)
    .where(eq(employees.id, session.employeeId));
  await recordAudit(ctx, {
    action: "session.ended",
    subjectId: session.employeeId,
    subjectLabel: person?.email ?? session.employeeId,
    changes: [],
  });
}
