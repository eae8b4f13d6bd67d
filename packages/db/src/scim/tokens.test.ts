import { randomUUID } from "node:crypto";
import type { Actor, RosterError } from "@roster/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scimTokens } from "../auth/table.js";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { openTestDatabase } from "../testing/index.js";
import {
  authenticateScimToken,
  createScimToken,
  hashScimToken,
  listScimTokens,
  revokeScimToken,
} from "./tokens.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
let dir: Directory;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = { db: handle.db, events: { publish: async () => {} } };
});
afterAll(() => handle.close());

const issue = (name: string, as: Actor = admin) =>
  transact(dir, as, (ctx) => createScimToken(ctx, { name }));

async function failure(promise: Promise<unknown>): Promise<RosterError> {
  try {
    await promise;
  } catch (error) {
    return error as RosterError;
  }
  throw new Error("expected the operation to fail");
}

describe("SCIM tokens", () => {
  it("shows the secret once and stores only its hash", async () => {
    const { token, record } = await issue("Okta production");
    expect(token).toMatch(/^roster_scim_[A-Za-z0-9_-]{43}$/);
    const [row] = await handle.db
      .select()
      .from(scimTokens)
      .where(eq(scimTokens.id, record.id));
    expect(row?.tokenHash).toBe(hashScimToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const listed = await listScimTokens(reading(dir, admin));
    expect(listed.find((t) => t.id === record.id)).toEqual(record);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(record.createdBy).toBe(admin.id);
  });

  it("opens with its secret until it is revoked", async () => {
    const { token, record } = await issue("Entra ID");
    const now = new Date();
    expect(await authenticateScimToken(handle.db, token, now)).toEqual({
      id: record.id,
      name: "Entra ID",
    });
    const revoked = await transact(dir, admin, (ctx) =>
      revokeScimToken(ctx, record.id),
    );
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect(await authenticateScimToken(handle.db, token, now)).toBeUndefined();
    const again = await transact(dir, admin, (ctx) =>
      revokeScimToken(ctx, record.id),
    );
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it.each([
    undefined,
    "",
    "roster_scim_short",
    `roster_scim_${"A".repeat(43)}`,
    `Bearer roster_scim_${"A".repeat(43)}`,
  ])("refuses %j", async (token) => {
    expect(await authenticateScimToken(handle.db, token)).toBeUndefined();
  });

  it("notes its last use at most once a minute", async () => {
    const { token, record } = await issue("Throttled");
    const lastUsed = async () =>
      (await listScimTokens(reading(dir, admin))).find(
        (t) => t.id === record.id,
      )?.lastUsedAt;
    const t0 = new Date("2030-01-01T00:00:00.000Z");
    await authenticateScimToken(handle.db, token, t0);
    expect(await lastUsed()).toBe(t0.toISOString());
    await authenticateScimToken(handle.db, token, new Date(+t0 + 30_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const later = new Date(+t0 + 61_000);
    await authenticateScimToken(handle.db, token, later);
    expect(await lastUsed()).toBe(later.toISOString());
  });

  it("is managed by admins alone", async () => {
    const hr: Actor = { id: randomUUID(), role: "hr" };
    expect((await failure(issue("HR's own", hr))).code).toBe("forbidden");
    expect((await failure(listScimTokens(reading(dir, hr)))).code).toBe(
      "forbidden",
    );
    const missing = transact(dir, admin, (ctx) =>
      revokeScimToken(ctx, randomUUID()),
    );
    expect((await failure(missing)).code).toBe("not_found");
  });
});
