import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./config.js";

/**
 * The shared real-world inputs sit beside the repository, not inside it:
 * `<repo>/../shared/datasets/<name>`. Undefined when they are absent.
 */
export function datasetPath(...parts: string[]): string | undefined {
  const path = join(REPO_ROOT, "..", "shared", "datasets", ...parts);
  return existsSync(path) ? path : undefined;
}
