import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { CHROMIUM_PATH, hasChromium } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder holding the built UI; empty when nothing was built. */
    webRoot: string;
  }
}

const webDir = fileURLToPath(new URL("..", import.meta.url));

/**
 * Builds the UI once into a temporary folder for the end-to-end tests and
 * removes it afterwards. Without Chromium the tests skip, so nothing is
 * built.
 */
export default async function setup(project: TestProject) {
  if (!hasChromium) {
    console.warn(
      `Skipping the browser tests: there is no Chromium at ${CHROMIUM_PATH}. ` +
        "Install it (apt-get install chromium) or set CHROMIUM_PATH.",
    );
    project.provide("webRoot", "");
    return;
  }
  const outDir = await mkdtemp(join(tmpdir(), "roster-web-"));
  // Vitest sets NODE_ENV=test, which would bundle React's development
  // build; the tests should drive what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      root: webDir,
      configFile: join(webDir, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide("webRoot", outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
