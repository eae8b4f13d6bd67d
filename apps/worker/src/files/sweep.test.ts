import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sweepUploads } from "./sweep.js";

const root = mkdtempSync(join(tmpdir(), "roster-sweep-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DAY_MS = 24 * 3_600_000;
const now = Date.now();

function file(key: string, ageMs: number) {
  const path = join(root, ...key.split("/"));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "x");
  const at = (now - ageMs) / 1000;
  utimesSync(path, at, at);
  return path;
}

describe("sweepUploads", () => {
  it("removes only uploads past their kind's lifetime", async () => {
    const oldPhoto = file("uploads/photos/p1/u1", 2 * DAY_MS);
    const newPhoto = file("uploads/photos/p2/u2", DAY_MS / 2);
    const oldExport = file("uploads/imports/i1/export", 8 * DAY_MS);
    const recentExport = file("uploads/imports/i2/export", 2 * DAY_MS);
    const rendition = file("photos/p1/r1/128.webp", 30 * DAY_MS);
    const report = file("imports/j1/problems.csv", 30 * DAY_MS);

    expect(await sweepUploads(root, now)).toBe(2);
    expect(existsSync(oldPhoto)).toBe(false);
    expect(existsSync(oldExport)).toBe(false);
    expect(existsSync(dirname(oldExport))).toBe(false);
    for (const kept of [newPhoto, recentExport, rendition, report]) {
      expect(existsSync(kept)).toBe(true);
    }
  });

  it("does nothing in a folder with no uploads", async () => {
    const empty = mkdtempSync(join(tmpdir(), "roster-sweep-empty-"));
    expect(await sweepUploads(empty, now)).toBe(0);
    rmSync(empty, { recursive: true, force: true });
  });
});
