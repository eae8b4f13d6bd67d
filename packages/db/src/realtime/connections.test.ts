import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { reading } from "../context.js";
import { openTestDatabase } from "../testing/index.js";
import {
  openConnection,
  removeConnections,
  subscribeConnection,
  sweepStaleConnections,
  touchConnection,
  unsubscribeConnection,
} from "./connections.js";
import { presenceOf } from "./presence.js";
import { realtimeTickets } from "./table.js";
import { issueTicket, pruneTickets, redeemTicket } from "./tickets.js";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const ctxFor = (actor: Actor) =>
  reading({ db: handle.db, events: { publish: async () => {} } }, actor);
const online = async (id: string, now?: Date) =>
  (await presenceOf(ctxFor({ id, role: "employee" }), [id], { now }))[0]
    ?.online;
const later = (ms: number) => new Date(Date.now() + ms);

describe("tickets", () => {
  it("are good once, for the person they were issued to", async () => {
    const actor: Actor = { id: randomUUID(), role: "employee" };
    const { ticket, expiresAt } = await issueTicket(ctxFor(actor));
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(await redeemTicket(handle.db, ticket)).toEqual({
      employeeId: actor.id,
      sessionId: null,
    });
    expect(await redeemTicket(handle.db, ticket)).toBeUndefined();
    expect(await redeemTicket(handle.db, undefined)).toBeUndefined();
    expect(await redeemTicket(handle.db, "x".repeat(10_000))).toBeUndefined();
  });

  it("store only a hash, and expire", async () => {
    const actor: Actor = { id: randomUUID(), role: "employee" };
    const { ticket } = await issueTicket(ctxFor(actor));
    const rows = await handle.db.select().from(realtimeTickets);
    expect(JSON.stringify(rows)).not.toContain(ticket);
    const hash = createHash("sha256").update(ticket).digest("hex");
    expect(rows.map((r) => r.tokenHash)).toContain(hash);
    expect(
      await redeemTicket(handle.db, ticket, later(61_000)),
    ).toBeUndefined();
    const stale = await issueTicket(ctxFor(actor));
    expect(await pruneTickets(handle.db, later(61_000))).toBeGreaterThan(0);
    expect(await redeemTicket(handle.db, stale.ticket)).toBeUndefined();
  });
});

describe("connections and presence", () => {
  it("is online while either of two tabs is open", async () => {
    const person = randomUUID();
    const a = await openConnection(handle.db, {
      id: `a-${person}`,
      employeeId: person,
    });
    const b = await openConnection(handle.db, {
      id: `b-${person}`,
      employeeId: person,
    });
    expect([a.cameOnline, b.cameOnline]).toEqual([true, false]);
    expect(await online(person)).toBe(true);
    expect(await removeConnections(handle.db, [`a-${person}`])).toEqual([]);
    expect(await online(person)).toBe(true);
    expect(await removeConnections(handle.db, [`b-${person}`])).toEqual([
      person,
    ]);
    expect(await online(person)).toBe(false);
  });

  it("reports offline once when both tabs close together", async () => {
    const person = randomUUID();
    for (const tab of ["a", "b"]) {
      await openConnection(handle.db, {
        id: `${tab}-${person}`,
        employeeId: person,
      });
    }
    const results = await Promise.all([
      removeConnections(handle.db, [`a-${person}`]),
      removeConnections(handle.db, [`b-${person}`]),
    ]);
    expect(results.flat()).toEqual([person]);
  });

  it("goes stale without heartbeats and is swept", async () => {
    const person = randomUUID();
    const id = `s-${person}`;
    await openConnection(handle.db, { id, employeeId: person });
    const soon = later(200_000);
    expect(await online(person, soon)).toBe(false);
    const touched = await touchConnection(handle.db, id, { now: soon });
    expect(touched).toMatchObject({ employeeId: person, cameBack: true });
    const swept = await sweepStaleConnections(handle.db, { now: soon });
    expect(swept.removed).toContain(id);
    expect(swept.wentOffline).toContain(person);
    expect(await touchConnection(handle.db, id)).toBeUndefined();
  });

  it("keeps a connection's topics, within the limit", async () => {
    const person = randomUUID();
    const id = `t-${person}`;
    await openConnection(handle.db, { id, employeeId: person });
    expect(
      await subscribeConnection(handle.db, id, ["presence", "directory"]),
    ).toEqual(["directory", "presence"]);
    expect(await unsubscribeConnection(handle.db, id, ["presence"])).toEqual([
      "directory",
    ]);
    const many = Array.from(
      { length: 101 },
      () => `employee:${randomUUID()}` as const,
    );
    await expect(subscribeConnection(handle.db, id, many)).rejects.toThrow(
      "at most 100 topics",
    );
    expect(await subscribeConnection(handle.db, "nobody", ["jobs"])).toBe(
      undefined,
    );
    await removeConnections(handle.db, [id]);
  });
});
