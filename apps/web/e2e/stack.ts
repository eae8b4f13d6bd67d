import { startLocalStack } from "@roster/api/local";
import { inject } from "vitest";

/** The whole product on a fresh in-memory database, serving the built UI. */
export function startSeededStack() {
  return startLocalStack({
    port: 0,
    // A free port, so a `pnpm dev` running beside the tests is left alone.
    realtimePort: 0,
    dataDir: "memory://",
    seed: true,
    // These tests act as people directly; sign-in has its own browser test.
    signIn: "act-as",
    webRoot: inject("webRoot"),
    logger: () => {},
  });
}
