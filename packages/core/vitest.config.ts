import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The import tests read the real HR export; a loaded two-core machine
    // can take several seconds for it.
    testTimeout: 30_000,
  },
});
