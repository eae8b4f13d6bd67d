import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { DomainEvent } from "@roster/core";
import {
  type DatabaseHandle,
  findSubscribers,
  openConnection,
  subscribeConnection,
} from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LOCAL_CREDENTIALS, managementApiBroadcaster } from "./broadcaster.js";
import { broadcastingPublisher } from "./publisher.js";
import { shardedBroadcaster } from "./sharded-broadcaster.js";
import { startManagementStandIn } from "./stand-in.test-support.js";
import { sweepConnections } from "./sweep.js";

let handle: DatabaseHandle;
let standIn: Awaited<ReturnType<typeof startManagementStandIn>>;
let broadcaster: ReturnType<typeof managementApiBroadcaster>;
const logs: Record<string, unknown>[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  standIn = await startManagementStandIn();
  broadcaster = managementApiBroadcaster({
    endpoint: standIn.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
});
afterAll(async () => {
  broadcaster.destroy();
  await standIn.close();
  await handle.close();
});
beforeEach(() => {
  standIn.posts.length = 0;
  logs.length = 0;
});

// Ids with characters the path must encode, as API Gateway's have.
const connect = async (topics: string[], employeeId = randomUUID()) => {
  const id = `${randomUUID().slice(0, 8)}+/=`;
  await openConnection(handle.db, { id, employeeId });
  await subscribeConnection(handle.db, id, topics as never);
  return id;
};
const publisher = (concurrency?: number) =>
  broadcastingPublisher({
    db: handle.db,
    broadcaster,
    logger: (e) => logs.push(e),
    ...(concurrency ? { concurrency } : {}),
  });

describe("broadcastingPublisher", () => {
  it("sends each connection one frame with the events it listens to", async () => {
    const person = randomUUID();
    const all = await connect(["directory"]);
    const one = await connect([`employee:${person}`]);
    const jobs = await connect(["jobs"]);
    const events: DomainEvent[] = [
      { type: "employee.updated", id: person, version: 2, fields: ["bio"] },
      { type: "employee.deleted", id: randomUUID() },
    ];
    await publisher().publish(events, [41, 42]);
    expect(standIn.received(all)).toEqual([
      {
        type: "events",
        events: [
          { ...events[0], seq: 41 },
          { ...events[1], seq: 42 },
        ],
      },
    ]);
    expect(standIn.received(one)).toEqual([
      { type: "events", events: [{ ...events[0], seq: 41 }] },
    ]);
    expect(standIn.received(jobs)).toEqual([]);
  });

  it("deletes a gone connection on the next broadcast and still reaches the rest", async () => {
    const departed = randomUUID();
    const watcher = await connect(["presence"]);
    const live = await connect(["directory"]);
    const stale = await connect(["directory"], departed);
    standIn.gone.add(stale);
    const event: DomainEvent = { type: "employee.deleted", id: randomUUID() };
    await publisher().publish([event], [7]);
    expect(standIn.received(live)).toEqual([
      { type: "events", events: [{ ...event, seq: 7 }] },
    ]);
    const left = await findSubscribers(handle.db, ["directory"]);
    expect(left.map((c) => c.id)).toContain(live);
    expect(left.map((c) => c.id)).not.toContain(stale);
    expect(standIn.received(watcher)).toEqual([
      { type: "presence", id: departed, online: false },
    ]);
  });

  it("logs a failed post without dropping the connection or the others", async () => {
    const broken = await connect(["jobs"]);
    const fine = await connect(["jobs"]);
    standIn.broken.add(broken);
    const event: DomainEvent = {
      type: "job.finished",
      id: randomUUID(),
      status: "succeeded",
    };
    await publisher().publish([event], [9]);
    expect(standIn.received(fine)).toHaveLength(1);
    expect(logs).toMatchObject([{ level: "warn", failed: 1 }]);
    const left = await findSubscribers(handle.db, ["jobs"]);
    expect(left.map((c) => c.id)).toContain(broken);
    standIn.broken.delete(broken);
  });

  it("turns a batch too big for one frame into a refetch hint", async () => {
    const all = await connect(["directory"]);
    const events: DomainEvent[] = Array.from({ length: 2_000 }, () => ({
      type: "employee.updated",
      id: randomUUID(),
      version: 3,
      fields: ["departmentId"],
    }));
    const seqs = events.map((_, i) => 1_000 + i);
    await publisher().publish(events, seqs);
    expect(standIn.received(all)).toEqual([
      { type: "refetch", scope: "directory", seq: 2_999 },
    ]);
  });
});

describe("the concurrency cap", () => {
  it("keeps posts in flight under the cap and awaits them all", async () => {
    const slow = await startManagementStandIn(15);
    const capped = managementApiBroadcaster({
      endpoint: slow.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    try {
      const job = randomUUID();
      const ids = [];
      for (let i = 0; i < 30; i++) ids.push(await connect([`job:${job}`]));
      await broadcastingPublisher({
        db: handle.db,
        broadcaster: capped,
        concurrency: 4,
      }).publish([{ type: "job.progress", id: job, done: 1, total: 9 }], [5]);
      // Earlier tests' `jobs` subscribers hear it too; count only ours.
      const mine = new Set(ids);
      expect(slow.posts.filter((p) => mine.has(p.id))).toHaveLength(30);
      expect(slow.maxInFlight).toBeLessThanOrEqual(4);
      expect(slow.maxInFlight).toBeGreaterThan(1);
    } finally {
      capped.destroy();
      await slow.close();
    }
  });
});

describe("a fan-out sharded over worker threads", () => {
  it("reaches every live connection and deletes the gone one", async () => {
    const sharded = shardedBroadcaster({
      endpoint: standIn.endpoint,
      credentials: LOCAL_CREDENTIALS,
      workers: 2,
      minPostsToShard: 10,
    });
    try {
      const job = randomUUID();
      const ids = [];
      for (let i = 0; i < 40; i++) ids.push(await connect([`job:${job}`]));
      const gone = ids[17] as string;
      standIn.gone.add(gone);
      const event: DomainEvent = {
        type: "job.progress",
        id: job,
        done: 2,
        total: 9,
      };
      await broadcastingPublisher({
        db: handle.db,
        broadcaster: sharded,
      }).publish([event], [11]);
      for (const id of ids.filter((id) => id !== gone)) {
        expect(standIn.received(id)).toEqual([
          { type: "events", events: [{ ...event, seq: 11 }] },
        ]);
      }
      const left = await findSubscribers(handle.db, [`job:${job}`]);
      expect(left).toHaveLength(39);
      expect(left.map((c) => c.id)).not.toContain(gone);
    } finally {
      await sharded.destroy();
    }
  });
});

describe("sweepConnections", () => {
  it("closes silent connections and announces who went offline", async () => {
    const quiet = randomUUID();
    const silent = await connect(["directory"], quiet);
    await sleep(400);
    const watcher = await connect(["presence"]);
    const report = await sweepConnections({
      db: handle.db,
      broadcaster,
      staleAfterMs: 300,
    });
    expect(report.wentOffline).toContain(quiet);
    expect(standIn.deletes).toContain(silent);
    expect(standIn.deletes).not.toContain(watcher);
    expect(standIn.received(watcher)).toContainEqual({
      type: "presence",
      id: quiet,
      online: false,
    });
    const left = await findSubscribers(handle.db, ["directory", "presence"]);
    expect(left.map((c) => c.id)).toEqual([watcher]);
  });
});
