import { createHash, randomBytes } from "node:crypto";
import { TICKET_TTL_MS } from "@roster/core";
import { eq, lt } from "drizzle-orm";
import { sessionIsLive } from "../auth/sessions.js";
import type { Executor } from "../client.js";
import type { Context } from "../context.js";
import { realtimeTickets } from "./table.js";

const TICKET = /^[A-Za-z0-9_-]{43}$/;

function hashTicket(ticket: string): string {
  return createHash("sha256").update(ticket).digest("hex");
}

/**
 * Issues a short-lived, single-use ticket for the acting user's next
 * WebSocket connection. Only its hash is stored; the secret goes to the
 * caller once.
 */
export async function issueTicket(
  ctx: Context,
  {
    ttlMs = TICKET_TTL_MS,
    sessionId,
  }: {
    ttlMs?: number;
    /** Binds the connection to a sign-in session: it ends with it. */
    sessionId?: string;
  } = {},
): Promise<{ ticket: string; expiresAt: string }> {
  const ticket = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlMs).toISOString();
  await ctx.tx.insert(realtimeTickets).values({
    tokenHash: hashTicket(ticket),
    employeeId: ctx.actor.id,
    sessionId: sessionId ?? null,
    expiresAt,
  });
  return { ticket, expiresAt };
}

/**
 * Spends a ticket: the user it was issued to, or undefined when it is
 * malformed, unknown, already used or expired, or its session has ended.
 * Spent either way.
 */
export async function redeemTicket(
  db: Executor,
  ticket: string | undefined,
  now = new Date(),
): Promise<{ employeeId: string; sessionId: string | null } | undefined> {
  if (!ticket || !TICKET.test(ticket)) return undefined;
  const [row] = await db
    .delete(realtimeTickets)
    .where(eq(realtimeTickets.tokenHash, hashTicket(ticket)))
    .returning({
      employeeId: realtimeTickets.employeeId,
      sessionId: realtimeTickets.sessionId,
      expiresAt: realtimeTickets.expiresAt,
    });
  if (!row || new Date(row.expiresAt) <= now) return undefined;
  if (row.sessionId && !(await sessionIsLive(db, row.sessionId, now))) {
    return undefined;
  }
  return { employeeId: row.employeeId, sessionId: row.sessionId };
}

/** Deletes tickets that expired unused; returns how many. */
export async function pruneTickets(
  db: Executor,
  now = new Date(),
): Promise<number> {
  const removed = await db
    .delete(realtimeTickets)
    .where(lt(realtimeTickets.expiresAt, now.toISOString()))
    .returning({ hash: realtimeTickets.tokenHash });
  return removed.length;
}
