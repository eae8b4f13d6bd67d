import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Loading the face model and decoding full-size photos on a busy
    // two-core machine can take several seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
