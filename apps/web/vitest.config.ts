import { defineConfig } from "vitest/config";

/** `pnpm test` runs the unit tests and the browser tests together. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          environment: "node",
        },
      },
      "./vitest.e2e.config.ts",
    ],
  },
});
