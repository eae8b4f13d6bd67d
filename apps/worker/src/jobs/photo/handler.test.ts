import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Actor,
  EmployeeCreate,
  type FileStore,
  photoUploadKey,
} from "@roster/core";
import {
  createEmployee,
  type DatabaseHandle,
  type Directory,
  getEmployee,
  reading,
  transact,
} from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import type { FaceDetector } from "@roster/photos";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerConfig } from "../../config.js";
import { folderFileStore } from "../../files/index.js";
import type { JobRun } from "../handler.js";
import { photoJob } from "./handler.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
const oneFace: FaceDetector = {
  detect: async ({ width, height }) => [
    {
      left: width * 0.4,
      top: height * 0.3,
      width: width * 0.2,
      height: height * 0.2,
      score: 0.9,
    },
  ],
};

let handle: DatabaseHandle;
let directory: Directory;
let root: string;
let files: FileStore;

beforeAll(async () => {
  handle = await openTestDatabase();
  directory = { db: handle.db, events: { publish: async () => {} } };
  root = await mkdtemp(join(tmpdir(), "photo-job-"));
  files = folderFileStore(root);
});
afterAll(async () => {
  await handle.close();
  await rm(root, { recursive: true, force: true });
});

async function person() {
  return transact(directory, admin, (ctx) =>
    createEmployee(
      ctx,
      EmployeeCreate.parse({
        email: `job.${randomUUID().slice(0, 8)}@example.com`,
        givenName: "Grace",
        familyName: "Hopper",
      }),
    ),
  );
}

function runFor(jobId: string, actor: Actor = admin): JobRun {
  return {
    job: { id: jobId, type: "photo", attempt: 1, params: {}, checkpoint: null },
    actor,
    directory,
    files,
    config: {} as WorkerConfig,
    log: () => {},
    progress: () => {},
    checkStopped: () => {},
  };
}

async function upload(employeeId: string, bytes: Buffer) {
  const key = photoUploadKey(employeeId, randomUUID());
  await files.put(key, [bytes]);
  return key;
}

const filesUnder = (dir: string) =>
  readdir(join(root, dir)).catch(() => [] as string[]);

describe("the photo job", () => {
  it("writes the renditions and switches the profile to them", async () => {
    const grace = await person();
    const photo = await sharp({
      create: { width: 900, height: 600, channels: 3, background: "#8a6" },
    })
      .jpeg()
      .toBuffer();
    const uploadKey = await upload(grace.id, photo);
    const jobId = randomUUID();
    const outcome = await photoJob(async () => oneFace).run(runFor(jobId), {
      employeeId: grace.id,
      uploadKey,
    });
    expect(outcome.counts).toMatchObject({ faces: 1, renditions: 12 });
    const read = await getEmployee(reading(directory, admin), grace.id);
    expect(read.photoKey).toBe(`${grace.id}/${jobId}`);
    expect(read.photoFaces).toBe("one");
    expect(await filesUnder(`photos/${grace.id}/${jobId}`)).toHaveLength(12);
    expect(await filesUnder(`uploads/photos/${grace.id}`)).toHaveLength(0);
  });

  it("changes nothing when the photo is refused", async () => {
    const grace = await person();
    const uploadKey = await upload(grace.id, Buffer.from("not a photo at all"));
    const run = photoJob(async () => oneFace).run(runFor(randomUUID()), {
      employeeId: grace.id,
      uploadKey,
    });
    await expect(run).rejects.toThrow(/not a photo Roster can read/);
    const read = await getEmployee(reading(directory, admin), grace.id);
    expect(read.photoKey).toBeNull();
    expect(await filesUnder(`photos/${grace.id}`)).toHaveLength(0);
  });

  it("leaves no renditions behind when the switch is refused", async () => {
    const grace = await person();
    const photo = await sharp({
      create: { width: 300, height: 300, channels: 3, background: "#a68" },
    })
      .png()
      .toBuffer();
    const uploadKey = await upload(grace.id, photo);
    const stranger: Actor = { id: randomUUID(), role: "employee" };
    const jobId = randomUUID();
    const run = photoJob(async () => oneFace).run(runFor(jobId, stranger), {
      employeeId: grace.id,
      uploadKey,
    });
    await expect(run).rejects.toThrow(/only your own photo/);
    expect(await filesUnder(`photos/${grace.id}/${jobId}`)).toHaveLength(0);
    const read = await getEmployee(reading(directory, admin), grace.id);
    expect(read.photoKey).toBeNull();
  });
});
