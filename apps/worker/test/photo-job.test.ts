import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Actor,
  discardEvents,
  EmployeeCreate,
  photoUploadKey,
} from "@roster/core";
import {
  createEmployee,
  createJob,
  type Directory,
  getEmployee,
  getJob,
  reading,
  transact,
} from "@roster/db";
import {
  openSharedTestDatabase,
  type SharedTestDatabase,
} from "@roster/db/testing";
import sharp from "sharp";
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
  filesDir = mkdtempSync(join(tmpdir(), "roster-photo-worker-"));
});
afterAll(async () => {
  await shared?.close();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

describe.skipIf(!server)(`a photo job in a worker process${skipped}`, () => {
  it("processes the upload and switches the profile to it", async () => {
    const person = await transact(directory, admin, (ctx) =>
      createEmployee(
        ctx,
        EmployeeCreate.parse({
          email: `photo.${randomUUID().slice(0, 8)}@example.com`,
          givenName: "Katherine",
          familyName: "Johnson",
        }),
      ),
    );
    const uploadKey = photoUploadKey(person.id, randomUUID());
    const photo = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: "#5a7" },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    await folderFileStore(filesDir).put(uploadKey, [photo]);
    const job = await transact(directory, admin, (ctx) =>
      createJob(ctx, {
        type: "photo",
        params: { employeeId: person.id, uploadKey },
      }),
    );
    const worker = await startWorker(job.id, {
      DATABASE_URL: shared.url,
      ROSTER_FILES_DIR: filesDir,
    });
    const { code } = await worker.exited;
    expect(code, worker.logs.join("\n")).toBe(0);
    const done = await getJob(reading(directory, admin), job.id);
    expect(done).toMatchObject({
      status: "succeeded",
      counts: { faces: 0, renditions: 12, sourceWidth: 900 },
    });
    const read = await getEmployee(reading(directory, admin), person.id);
    expect(read.photoKey).toBe(`${person.id}/${job.id}`);
    expect(read.photoFaces).toBe("none");
    const set = readdirSync(join(filesDir, "photos", person.id, job.id));
    expect(set.sort()).toContain("512.avif");
    expect(set).toHaveLength(12);
  });
});
