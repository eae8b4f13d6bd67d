import { createHash, randomBytes } from "node:crypto";
import { eq, lt, or } from "drizzle-orm";
import type { Executor } from "../client.js";
import { sessions } from "./table.js";

/** How long a session lives, from sign-in and since it was last used. */
export interface SessionLifetime {
  absoluteMs: number;
  idleMs: number;
}

export const DEFAULT_SESSION_LIFETIME: SessionLifetime = {
  absoluteMs: 12 * 60 * 60 * 1000,
  idleMs: 2 * 60 * 60 * 1000,
};

/** A session's last-seen time is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The stored form of a session secret. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ActiveSession {
  /** The stored hash: safe to log and to bind tickets to. */
  id: string;
  employeeId: string;
  subject: string;
  expiresAt: string;
}

/** Starts a session; the secret goes to the caller once, for the cookie. */
export async function createSession(
  db: Executor,
  input: { employeeId: string; subject: string },
  lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
  now = new Date(),
): Promise<{ token: string; session: ActiveSession }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + lifetime.absoluteMs).toISOString();
  const id = hashSessionToken(token);
  await db.insert(sessions).values({
    tokenHash: id,
    employeeId: input.employeeId,
    subject: input.subject,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
  });
  return { token, session: { id, ...input, expiresAt } };
}

/**
 * The live session a cookie's secret opens, or undefined when it is
 * malformed, unknown, signed out, past its expiry or idle too long. Keeps
 * its last-seen time current.
 */
export async function findSession(
  db: Executor,
  token: string | undefined,
  lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
  now = new Date(),
): Promise<ActiveSession | undefined> {
  if (!token || !TOKEN.test(token)) return undefined;
  const id = hashSessionToken(token);
  const [row] = await db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, id));
  if (!row) return undefined;
  const lastSeen = new Date(row.lastSeenAt).getTime();
  if (
    new Date(row.expiresAt) <= now ||
    lastSeen + lifetime.idleMs <= now.getTime()
  ) {
    await db.delete(sessions).where(eq(sessions.tokenHash, id));
    return undefined;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now.toISOString() })
      .where(eq(sessions.tokenHash, id));
  }
  return {
    id,
    employeeId: row.employeeId,
    subject: row.subject,
    expiresAt: row.expiresAt,
  };
}

/** Signs a session out; true when there was one. */
export async function endSession(db: Executor, id: string): Promise<boolean> {
  const removed = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, id))
    .returning({ id: sessions.tokenHash });
  return removed.length > 0;
}

/** Ends every session of one person, e.g. when they are deactivated. */
export async function endSessionsOf(
  db: Executor,
  employeeId: string,
): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(eq(sessions.employeeId, employeeId))
    .returning({ id: sessions.tokenHash });
  return removed.length;
}

/** Whether a session id still names a live session (for WebSocket tickets). */
export async function sessionIsLive(
  db: Executor,
  id: string,
  now = new Date(),
): Promise<boolean> {
  const [row] = await db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.tokenHash, id));
  return row !== undefined && new Date(row.expiresAt) > now;
}

/** Deletes sessions past their expiry or idle limit; returns how many. */
export async function pruneSessions(
  db: Executor,
  lifetime: SessionLifetime = DEFAULT_SESSION_LIFETIME,
  now = new Date(),
): Promise<number> {
  const idleBefore = new Date(now.getTime() - lifetime.idleMs).toISOString();
  const removed = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, now.toISOString()),
        lt(sessions.lastSeenAt, idleBefore),
      ),
    )
    .returning({ id: sessions.tokenHash });
  return removed.length;
}
