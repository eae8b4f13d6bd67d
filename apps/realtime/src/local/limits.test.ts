import { randomUUID } from "node:crypto";
import { discardEvents } from "@roster/core";
import { transact, updateEmployee } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  admin,
  openRealtimeFixture,
  rawConnect,
  until,
} from "../testing/fixture.js";

// API Gateway's limits, shrunk from minutes to fractions of a second.
// Generous enough for a busy machine.
const timings = {
  heartbeatMs: 300,
  staleAfterMs: 1_500,
  idleTimeoutMs: 2_500,
  maxConnectionMs: 10_000,
  reconnectAfterMs: 1_500,
};

let t: Awaited<ReturnType<typeof openRealtimeFixture>>;
beforeAll(async () => {
  t = await openRealtimeFixture({ timings });
});
afterAll(() => t.close());

describe("heartbeats", () => {
  it("catch up on an event whose live broadcast never went out", async () => {
    const person = await t.addPerson();
    const tab = await t.connect(randomUUID(), [`employee:${person.id}`]);
    // Committed and journaled, but published to nobody.
    await transact({ db: t.handle.db, events: discardEvents }, admin, (ctx) =>
      updateEmployee(ctx, person.id, undefined, { bio: "quietly" }),
    );
    await until(() => tab.events.length === 1, "the next heartbeat");
    expect(tab.events[0]).toMatchObject({ id: person.id, fields: ["bio"] });
    expect(tab.messages).toContainEqual(
      expect.objectContaining({ type: "events", replay: true }),
    );
  });
});

describe("the connection limits", () => {
  it("moves to a fresh connection before the limit without losing events", async () => {
    const person = await t.addPerson();
    const tab = await t.connect(randomUUID(), [`employee:${person.id}`]);
    const started = Date.now();
    let edits = 0;
    // Edit, a few times a second, until the client has moved twice; the
    // bound is time, not edits, since fast edits would end the loop first.
    while (
      tab.client.connections < 3 &&
      Date.now() - started < timings.maxConnectionMs - 1_000
    ) {
      await t.retitle(person.id, `Title ${edits++}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(tab.client.connections).toBeGreaterThanOrEqual(3);
    // Two moves inside one connection's lifetime: the client moved on its
    // own, ahead of the limit, rather than being cut off by it.
    expect(Date.now() - started).toBeLessThan(timings.maxConnectionMs);
    await until(() => tab.events.length >= edits, "every edit", 15_000);
    const seqs = tab.events.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(edits);
    expect(tab.events).toHaveLength(edits);
    // Before the gateway's limit: no connection was cut at maxConnectionMs.
    expect(tab.messages.filter((m) => m.type === "subscribed").length).toBe(
      tab.client.connections,
    );
  });

  it("closes a socket that says nothing for the idle timeout", async () => {
    const { ws } = await rawConnect(
      `${t.realtime.url}?ticket=${await t.ticketFor(randomUUID())}`,
    );
    const code = await new Promise<number>((resolve) =>
      ws?.on("close", (c) => resolve(c)),
    );
    expect(code).toBe(1001);
  });

  it("sweeps a silent connection and announces its person offline", async () => {
    const quiet = randomUUID();
    const watcher = await t.connect(randomUUID(), [`employee:${quiet}`]);
    const { ws } = await rawConnect(
      `${t.realtime.url}?ticket=${await t.ticketFor(quiet)}`,
    );
    const closed = new Promise<number>((resolve) =>
      ws?.on("close", (c) => resolve(c)),
    );
    await until(
      () => watcher.messages.some((m) => m.type === "presence" && m.online),
      "online",
    );
    await new Promise((resolve) => setTimeout(resolve, timings.staleAfterMs));
    const report = await t.realtime.sweep();
    expect(report.wentOffline).toContain(quiet);
    expect(await closed).toBe(1000);
    await until(
      () =>
        watcher.messages.some(
          (m) => m.type === "presence" && m.id === quiet && !m.online,
        ),
      "offline",
    );
  });
});
