import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: the nearest folder up with the workspace file. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("No pnpm workspace above this file.");
    dir = parent;
  }
  return dir;
}

/**
 * A shared real-world photo, read in place beside the repository
 * (`<repo>/../shared/datasets/photos/...`); undefined when absent.
 */
export function datasetPhoto(...parts: string[]): string | undefined {
  const path = join(repoRoot(), "..", "shared", "datasets", "photos", ...parts);
  return existsSync(path) ? path : undefined;
}
