import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Actor,
  ColumnMapping,
  discardEvents,
  HEARTBEAT_TIMEOUT_MS,
  JOB_TYPES,
} from "@roster/core";
import {
  createJob,
  type Directory,
  getJob,
  reading,
  retryJob,
  transact,
} from "@roster/db";
import {
  openSharedTestDatabase,
  type SharedTestDatabase,
} from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folderFileStore } from "../src/files/index.js";
import { startWorker } from "./worker-process.js";

const admin: Actor = {
  id: "00000000-0000-4000-8000-000000000001",
  role: "admin",
};
let shared: SharedTestDatabase;
let directory: Directory;
let filesDir: string;

// The worker runs as a child process here, which reaches a server only:
// embedded PGlite serves the process that opened it.
const server = Boolean(process.env.DATABASE_URL);
const skipped = server ? "" : " (skipped: needs DATABASE_URL, a server)";

beforeAll(async () => {
  if (!server) return;
  shared = await openSharedTestDatabase();
  directory = { db: shared.handle.db, events: discardEvents };
  filesDir = mkdtempSync(join(tmpdir(), "roster-worker-"));
});
afterAll(async () => {
  await shared?.close();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const mapping = ColumnMapping.parse({
  columns: {
    externalId: "id",
    managerExternalId: "manager",
    givenName: "given",
    familyName: "family",
    email: "email",
    departmentName: "team",
  },
});

// People listed reports first, so every manager comes later in the file.
function peopleCsv(count: number): string {
  const lines = ["id,manager,given,family,email,team"];
  for (let i = count; i >= 1; i--) {
    const manager = i === 1 ? "" : `e${Math.floor(i / 2)}`;
    lines.push(
      `e${i},${manager},Given${i},Family,e${i}@crash.example,T${i % 7}`,
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

const env = () => ({
  DATABASE_URL: shared.url,
  ROSTER_FILES_DIR: filesDir,
  ROSTER_WORKER_HEARTBEAT_MS: "200",
});

async function job(type: string, params: Record<string, unknown>) {
  return transact(directory, admin, (ctx) => createJob(ctx, { type, params }));
}

const status = (id: string) => getJob(reading(directory, admin), id);

describe.skipIf(!server)(`a worker killed mid-import${skipped}`, () => {
  it("resumes on retry and ends exactly as one clean run", {
    timeout: 240_000,
  }, async () => {
    const rows = 6000;
    const files = folderFileStore(filesDir);
    await files.put("imports/crash/upload", [
      new TextEncoder().encode(peopleCsv(rows)),
    ]);
    const preview = await job(JOB_TYPES.importPreview, {
      fileKey: "imports/crash/upload",
      format: "csv",
      mapping,
    });
    const previewWorker = await startWorker(preview.id, env());
    const previewEnd = await previewWorker.exited;
    expect(previewEnd.code, previewWorker.logs.join("\n")).toBe(0);
    expect((await status(preview.id)).counts).toMatchObject({ new: rows });

    const apply = await job(JOB_TYPES.importApply, {
      previewJobId: preview.id,
    });
    const first = await startWorker(apply.id, env());
    // Kill it by its process id once some batches, not all, committed.
    for (;;) {
      const { progress } = await status(apply.id);
      if (progress.done >= 1000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    process.kill(first.pid, "SIGKILL");
    expect((await first.exited).signal).toBe("SIGKILL");
    const killed = await status(apply.id);
    expect(killed.status).toBe("running");
    expect(killed.progress.done).toBeLessThan(rows);

    // Once its heartbeat is stale the job is dead, and may be retried.
    const later = Date.now() + HEARTBEAT_TIMEOUT_MS + 1000;
    const retried = await transact(directory, admin, (ctx) =>
      retryJob(ctx, apply.id, { now: later }),
    );
    expect(retried.attempt).toBe(2);
    const second = await startWorker(apply.id, env());
    expect((await second.exited).code).toBe(0);
    const done = await status(apply.id);
    expect(done.status).toBe("succeeded");
    expect(done.counts).toMatchObject({
      created: rows,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(done.counts.resumedAtRow).toBeGreaterThan(2);
    expect(second.logs.some((l) => l.includes('"step":"resumed"'))).toBe(true);

    // Nobody twice, nobody missing, every manager linked.
    const again = await job(JOB_TYPES.importPreview, {
      fileKey: "imports/crash/upload",
      format: "csv",
      mapping,
    });
    const check = await startWorker(again.id, env());
    expect((await check.exited).code).toBe(0);
    expect((await status(again.id)).counts).toEqual({
      new: 0,
      changed: 0,
      unchanged: rows,
      rejected: 0,
      problems: 0,
    });
  });
});
