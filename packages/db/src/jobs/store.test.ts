import { randomUUID } from "node:crypto";
import type { Actor } from "@roster/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { claimedJob, openTestDatabase } from "../testing/index.js";
import { assertOwnsJob, finishJob, retryJob } from "./store.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
let dir: Directory;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = { db: handle.db, events: { publish: async () => {} } };
});
afterAll(async () => {
  await handle.close();
});

const retry = (id: string) => transact(dir, admin, (ctx) => retryJob(ctx, id));

// As a worker that beat last ten minutes ago (or a job made then) left it.
const ageJob = (id: string) =>
  handle.db.execute(sql`update jobs set
    created_at = now() - interval '10 minutes',
    heartbeat_at = now() - interval '10 minutes' where id = ${id}`);

describe("retrying a job", () => {
  it("refuses a second retry sent before a worker claims the first", async () => {
    const job = await claimedJob(dir, admin, "import.apply");
    await finishJob(dir, admin, job.jobId, job.attempt, {
      status: "failed",
      error: "worker killed",
    });
    await ageJob(job.jobId);
    expect((await retry(job.jobId)).attempt).toBe(2);
    // Queued again just now: not dead, so not retried a second time.
    await expect(retry(job.jobId)).rejects.toThrow(/still being worked on/);
    const [row] = rowsOf<{ attempt: number }>(
      await handle.db.execute(
        sql`select attempt from jobs where id = ${job.jobId}`,
      ),
    );
    expect(row?.attempt).toBe(2);
  });

  // Two connections: the embedded database has one.
  it.runIf(process.env.DATABASE_URL)(
    "answers within seconds, not when a frozen batch lets go of the job",
    async () => {
      const job = await claimedJob(dir, admin, "import.apply");
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding = () => {};
      const held = new Promise<void>((resolve) => {
        holding = resolve;
      });
      // A worker frozen in the middle of a batch.
      const batch = handle.db.transaction(async (tx) => {
        await assertOwnsJob(tx, job.jobId, job.attempt);
        holding();
        await released;
      });
      await held;
      await ageJob(job.jobId);
      try {
        await expect(retry(job.jobId)).rejects.toThrow(
          /still writing a batch; try again/,
        );
      } finally {
        release();
        await batch;
      }
      expect((await retry(job.jobId)).attempt).toBe(2);
    },
  );

  it.runIf(process.env.DATABASE_URL)(
    "has the server end a session left idle inside a transaction",
    async () => {
      const [row] = rowsOf<{ timeout: string }>(
        await handle.db.execute(
          sql`select current_setting('idle_in_transaction_session_timeout') as timeout`,
        ),
      );
      expect(row?.timeout).toBe("1min");
    },
  );
});
