import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";

const HOUR_MS = 3_600_000;

/**
 * How long each kind of upload is kept in a local folder: as long as the
 * bucket's lifecycle rules keep it in AWS (see infra/storage.ts).
 */
export const UPLOAD_LIFETIMES_MS: Readonly<Record<string, number>> = {
  "uploads/photos": 24 * HOUR_MS,
  "uploads/imports": 7 * 24 * HOUR_MS,
};

/**
 * Deletes the uploads in a local file folder that have outlived their
 * kind's lifetime, and the folders they leave empty; returns how many
 * files went. Renditions, reports and exports are never touched.
 */
export async function sweepUploads(
  root: string,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  for (const [prefix, lifetime] of Object.entries(UPLOAD_LIFETIMES_MS)) {
    removed += await sweep(join(root, ...prefix.split("/")), now - lifetime);
  }
  return removed;
}

async function sweep(dir: string, before: number): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removed += await sweep(path, before);
      const left = await readdir(path).catch(() => [entry.name]);
      if (left.length === 0) await rm(path, { recursive: true, force: true });
    } else if ((await stat(path)).mtimeMs < before) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
