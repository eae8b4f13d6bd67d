import { randomUUID } from "node:crypto";
import { type Actor, ConflictError, JOB_TYPES } from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, transact } from "../context.js";
import { claimedJob, openTestDatabase } from "../testing/index.js";
import { createApplyJob } from "./apply-job.js";

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

describe("createApplyJob", () => {
  it("starts one apply of a preview however many ask at once", async () => {
    const preview = await claimedJob(dir, admin, JOB_TYPES.importPreview);
    const asks = await Promise.allSettled(
      [1, 2, 3].map(() =>
        transact(dir, admin, (ctx) => createApplyJob(ctx, preview.jobId)),
      ),
    );
    const started = asks.filter((a) => a.status === "fulfilled");
    const refused = asks.flatMap((a) =>
      a.status === "rejected" ? [a.reason] : [],
    );
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(2);
    for (const reason of refused) expect(reason).toBeInstanceOf(ConflictError);
  });
});
