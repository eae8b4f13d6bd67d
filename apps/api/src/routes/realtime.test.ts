import { randomUUID } from "node:crypto";
import { openConnection, redeemTicket } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig, realtimeUrlOf } from "../config.js";
import { jsonHeaders, openTestApp } from "../test-app.js";

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: shapes are asserted below
type Json = Record<string, any>;

async function person() {
  const res = await t.app.request("/api/employees", {
    method: "POST",
    headers: jsonHeaders(),
    body: JSON.stringify({
      givenName: "Grace",
      familyName: "Hopper",
      email: `g-${randomUUID().slice(0, 8)}@example.com`,
    }),
  });
  return ((await res.json()) as Json).id as string;
}

describe("POST /api/realtime/tickets", () => {
  it("issues a single-use ticket for the signed-in person", async () => {
    const id = await person();
    const res = await t.app.request("/api/realtime/tickets", {
      method: "POST",
      headers: { "x-roster-act-as": id },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as Json;
    expect(body.url).toBe(realtimeUrlOf(readConfig()));
    const expires = new Date(body.expiresAt).getTime() - Date.now();
    expect(expires).toBeGreaterThan(30_000);
    expect(expires).toBeLessThanOrEqual(60_000);
    expect(await redeemTicket(t.handle.db, body.ticket)).toEqual({
      employeeId: id,
      sessionId: null,
    });
    expect(await redeemTicket(t.handle.db, body.ticket)).toBeUndefined();
  });

  it("answers 401 for someone who is not signed in", async () => {
    const res = await t.app.request("/api/realtime/tickets", {
      method: "POST",
      headers: { "x-roster-act-as": randomUUID() },
    });
    expect(res.status).toBe(401);
  });
});

describe("GET /api/presence", () => {
  it("says who of the people asked about is online", async () => {
    const here = await person();
    const away = await person();
    await openConnection(t.handle.db, { id: `c-${here}`, employeeId: here });
    const res = await t.app.request(`/api/presence?id=${here}&id=${away}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        { id: here, online: true },
        { id: away, online: false },
      ],
    });
  });

  it("answers 400 for no ids, bad ids, too many or unknown parameters", async () => {
    const many = Array.from({ length: 101 }, () => `id=${randomUUID()}`);
    for (const query of [
      "",
      "id=nope",
      many.join("&"),
      `ids=${randomUUID()}`,
    ]) {
      const res = await t.app.request(`/api/presence?${query}`);
      expect(res.status, query.slice(0, 20)).toBe(400);
      expect(((await res.json()) as Json).code).toBe("invalid_input");
    }
  });
});
