import { defineConfig } from "vitest/config";

/** The browser tests alone: `vitest run --config vitest.e2e.config.ts`. */
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One browser and one API at a time is plenty for a laptop.
    fileParallelism: false,
  },
});
