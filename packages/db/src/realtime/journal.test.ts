import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Actor, DomainEvent } from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, transact } from "../context.js";
import { createDepartment } from "../department/operations.js";
import { openTestDatabase } from "../testing/index.js";
import {
  appendToJournal,
  journalHead,
  pruneJournal,
  readJournal,
} from "./journal.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
const published: { events: DomainEvent[]; seqs: number[] }[] = [];
let dir: Directory;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = {
    db: handle.db,
    events: {
      publish: async (events, seqs) =>
        void published.push({ events: [...events], seqs: [...seqs] }),
    },
  };
});
afterAll(() => handle.close());

const deleted = (): DomainEvent => ({
  type: "employee.deleted",
  id: randomUUID(),
});
const addDepartment = () =>
  transact(dir, admin, (ctx) =>
    createDepartment(ctx, { name: `Dept ${randomUUID()}` }),
  );

describe("the journal", () => {
  it("numbers a transaction's events and hands the numbers on", async () => {
    const start = await journalHead(handle.db);
    published.length = 0;
    await addDepartment();
    await addDepartment();
    expect(published.map((p) => p.seqs)).toEqual([[start + 1], [start + 2]]);
    expect(published[0]?.events[0]?.type).toBe("department.created");
    expect(await journalHead(handle.db)).toBe(start + 2);
  });

  it("keeps nothing from a rolled-back transaction, leaving no gap", async () => {
    const start = await journalHead(handle.db);
    await expect(
      transact(dir, admin, async (ctx) => {
        await createDepartment(ctx, { name: `Gone ${randomUUID()}` });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await journalHead(handle.db)).toBe(start);
    published.length = 0;
    await addDepartment();
    expect(published[0]?.seqs).toEqual([start + 1]);
  });

  it("hands out numbers in commit order to concurrent writers", async () => {
    const order: string[] = [];
    const first = handle.db.transaction(async (tx) => {
      const [seq] = await appendToJournal(tx, [deleted()]);
      order.push("first appended");
      await sleep(300);
      order.push("first commits");
      return seq ?? 0;
    });
    await sleep(50);
    const second = handle.db.transaction(async (tx) => {
      const [seq] = await appendToJournal(tx, [deleted()]);
      order.push("second appended");
      return seq ?? 0;
    });
    const [a, b] = await Promise.all([first, second]);
    expect(b).toBe(a + 1);
    expect(order).toEqual([
      "first appended",
      "first commits",
      "second appended",
    ]);
  });

  it("numbers many parallel transactions without gaps or repeats", async () => {
    const start = await journalHead(handle.db);
    published.length = 0;
    await Promise.all(Array.from({ length: 12 }, () => addDepartment()));
    const seqs = published.flatMap((p) => p.seqs).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => start + i + 1));
  });
});

describe("reading the journal back", () => {
  it("replays what matches the topics, up to a watermark", async () => {
    const person = randomUUID();
    const after = await journalHead(handle.db);
    await handle.db.transaction((tx) =>
      appendToJournal(tx, [
        { type: "employee.deleted", id: person },
        { type: "job.progress", id: randomUUID(), done: 1, total: 2 },
        { type: "employee.deleted", id: randomUUID() },
      ]),
    );
    const mine = await readJournal(handle.db, after, [`employee:${person}`]);
    expect(mine).toEqual({
      outcome: "complete",
      head: after + 3,
      events: [{ type: "employee.deleted", id: person, seq: after + 1 }],
    });
    const jobs = await readJournal(handle.db, after, ["jobs"]);
    expect(
      jobs.outcome === "complete" && jobs.events.map((e) => e.seq),
    ).toEqual([after + 2]);
    expect(await readJournal(handle.db, after + 3, ["directory"])).toEqual({
      outcome: "complete",
      head: after + 3,
      events: [],
    });
  });

  it("says reload when a position is beyond the head or too far back", async () => {
    await handle.db.transaction((tx) =>
      appendToJournal(tx, [deleted(), deleted(), deleted()]),
    );
    const top = await journalHead(handle.db);
    expect(await readJournal(handle.db, top + 5, ["directory"])).toEqual({
      outcome: "ahead",
      head: top,
    });
    expect(
      (await readJournal(handle.db, top - 3, ["directory"], 2)).outcome,
    ).toBe("behind");
  });

  it("prunes by age and by count, keeps the newest, and then says behind", async () => {
    await handle.db.transaction((tx) =>
      appendToJournal(tx, [deleted(), deleted(), deleted()]),
    );
    const top = await journalHead(handle.db);
    expect(await pruneJournal(handle.db, { maxEvents: 2 })).toBeGreaterThan(0);
    const kept = await readJournal(handle.db, top - 2, ["directory"]);
    expect(kept.outcome === "complete" && kept.events.length).toBe(2);
    expect((await readJournal(handle.db, top - 3, ["directory"])).outcome).toBe(
      "behind",
    );
    const later = new Date(Date.now() + 25 * 60 * 60_000);
    expect(await pruneJournal(handle.db, { now: later })).toBe(1);
    expect(await journalHead(handle.db)).toBe(top);
    await handle.db.transaction((tx) => appendToJournal(tx, [deleted()]));
    expect(await journalHead(handle.db)).toBe(top + 1);
  });
});
