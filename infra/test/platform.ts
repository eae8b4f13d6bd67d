import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, where `sst.config.ts` and `.sst/` live. */
export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** SST's platform code, laid down by `sst install`. */
export const platform = join(root, ".sst", "platform");

/**
 * Fails loudly when the platform is missing: these tests must never pass
 * by testing nothing.
 */
export function requirePlatform(): void {
  const marker = join(platform, "src", "components", "index.ts");
  if (!existsSync(marker)) {
    throw new Error(
      `SST's platform is missing (${marker}). Lay it down offline first:\n` +
        "  SST_SKIP_DEPENDENCY_CHECK=1 SST_NO_BUN=1 SST_TELEMETRY_DISABLED=1 " +
        "pnpm exec sst install --stage ci\n" +
        "(CI does this in .ci/run.)",
    );
  }
}

/** Imports a module of the platform, or one of its own dependencies. */
export function fromPlatform<T>(path: string): Promise<T> {
  return import(join(platform, path)) as Promise<T>;
}
