import { createHash, randomBytes } from "node:crypto";
import {
  assertCanManageScimTokens,
  NotFoundError,
  type ScimToken,
  type ScimTokenCreate,
} from "@roster/core";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import { scimTokens } from "../auth/table.js";
import type { Executor } from "../client.js";
import type { Context } from "../context.js";

// The prefix lets secret scanners recognise a leaked token.
const PREFIX = "roster_scim_";
const TOKEN = /^roster_scim_[A-Za-z0-9_-]{43}$/;

/** A token's last use is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

/** The stored form of a SCIM token. */
export function hashScimToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

type Row = typeof scimTokens.$inferSelect;

const iso = (value: string | null) =>
  value === null ? null : new Date(value).toISOString();

function toToken(row: Row): ScimToken {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt).toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

const label = (name: string) => `SCIM token "${name}"`;

/**
 * Issues a token for an identity provider; admins only. The secret is
 * returned here once and stored only as its hash.
 */
export async function createScimToken(
  ctx: Context,
  input: ScimTokenCreate,
): Promise<{ token: string; record: ScimToken }> {
  assertCanManageScimTokens(ctx.actor);
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await ctx.tx
    .insert(scimTokens)
    .values({
      tokenHash: hashScimToken(token),
      name: input.name,
      createdBy: ctx.actor.id,
    })
    .returning();
  if (!row) throw new Error("Inserting a SCIM token returned no row.");
  await recordAudit(ctx, {
    action: "scim_token.created",
    subjectId: row.id,
    subjectLabel: label(row.name),
    changes: [],
  });
  return { token, record: toToken(row) };
}

/** Every token, newest first, revoked ones included; admins only. */
export async function listScimTokens(ctx: Context): Promise<ScimToken[]> {
  assertCanManageScimTokens(ctx.actor);
  const rows = await ctx.tx
    .select()
    .from(scimTokens)
    .orderBy(desc(scimTokens.createdAt), desc(scimTokens.id));
  return rows.map(toToken);
}

/**
 * Revokes a token at once; admins only. Revoking one already revoked
 * changes nothing.
 */
export async function revokeScimToken(
  ctx: Context,
  id: string,
): Promise<ScimToken> {
  assertCanManageScimTokens(ctx.actor);
  const [row] = await ctx.tx
    .select()
    .from(scimTokens)
    .where(eq(scimTokens.id, id))
    .for("update");
  if (!row) throw new NotFoundError("SCIM token", id);
  if (row.revokedAt !== null) return toToken(row);
  const [revoked] = await ctx.tx
    .update(scimTokens)
    .set({ revokedAt: sql`now()` })
    .where(eq(scimTokens.id, id))
    .returning();
  await recordAudit(ctx, {
    action: "scim_token.revoked",
    subjectId: id,
    subjectLabel: label(row.name),
    changes: [],
  });
  return toToken(revoked ?? row);
}

/**
 * The live token a bearer secret names, or undefined when it is
 * malformed, unknown or revoked. Notes its use, at most once a minute.
 */
export async function authenticateScimToken(
  db: Executor,
  token: string | undefined,
  now = new Date(),
): Promise<{ id: string; name: string } | undefined> {
  if (!token || !TOKEN.test(token)) return undefined;
  const [row] = await db
    .select({ id: scimTokens.id, name: scimTokens.name })
    .from(scimTokens)
    .where(
      and(
        eq(scimTokens.tokenHash, hashScimToken(token)),
        isNull(scimTokens.revokedAt),
      ),
    );
  if (!row) return undefined;
  const stale = new Date(now.getTime() - TOUCH_EVERY_MS).toISOString();
  // One conditional statement, so requests arriving together write once.
  await db
    .update(scimTokens)
    .set({ lastUsedAt: now.toISOString() })
    .where(
      and(
        eq(scimTokens.id, row.id),
        or(isNull(scimTokens.lastUsedAt), lt(scimTokens.lastUsedAt, stale)),
      ),
    );
  return row;
}
