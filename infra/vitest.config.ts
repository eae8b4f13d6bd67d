import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Importing SST's components and declaring a whole stage takes a while.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
