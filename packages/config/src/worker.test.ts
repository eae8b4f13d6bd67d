import { describe, expect, it } from "vitest";
import { LINKED } from "./fixtures.test-support.js";
import { staticSource } from "./source.js";
import { readWorkerSettings } from "./worker.js";

describe("readWorkerSettings", () => {
  it("reads its links and the job from the environment", () => {
    const settings = readWorkerSettings(
      staticSource({ ROSTER_JOB_ID: "job-42" }, LINKED),
      { argv: [] },
    );
    expect(settings).toMatchObject({
      jobId: "job-42",
      photosBucket: LINKED.Photos.name,
      realtimeEndpoint: LINKED.Realtime.managementEndpoint,
      maxConnections: 3,
      importParallel: 2,
    });
  });

  it("runs locally on a server, with the job as its first argument", () => {
    const settings = readWorkerSettings(
      staticSource({ DATABASE_URL: "postgres://me@127.0.0.1/roster" }),
      { argv: ["job-7"] },
    );
    expect(settings).toMatchObject({
      linked: false,
      jobId: "job-7",
      photosBucket: undefined,
      maxConnections: 3,
      heartbeatMs: 2_000,
      companyDomain: "example.com",
    });
    expect(settings.filesDir).toMatch(/\.data[/\\]files$/);
  });

  it("takes how many import batches to write at once", () => {
    const source = (value: string) =>
      staticSource(
        { ROSTER_JOB_ID: "j", ROSTER_IMPORT_PARALLEL: value },
        LINKED,
      );
    expect(readWorkerSettings(source("4")).importParallel).toBe(4);
    expect(() => readWorkerSettings(source("0"))).toThrow(
      'ROSTER_IMPORT_PARALLEL must be a whole number from 1 to 16, not "0"',
    );
  });

  it("names the database and the job when missing", () => {
    expect(() => readWorkerSettings(staticSource({}), { argv: [] })).toThrow(
      [
        "Roster's worker cannot start:",
        '  missing: the database: link "Database" in sst.config.ts or ' +
          "set DATABASE_URL",
        "  missing: the job to run: set ROSTER_JOB_ID or pass it as the " +
          "first argument",
      ].join("\n"),
    );
  });

  it("needs the photos bucket under SST", () => {
    const { Photos: _, ...withoutPhotos } = LINKED;
    expect(() =>
      readWorkerSettings(staticSource({ ROSTER_JOB_ID: "j" }, withoutPhotos)),
    ).toThrow(
      '  missing: the photos bucket: link "Photos" or set ROSTER_PHOTOS_BUCKET',
    );
  });
});
