import { startLocalStack } from "@roster/api/local";
import { inject } from "vitest";

/** The whole product on a fresh in-memory database, serving the built UI. */
export function startSeededStack() {
  return startLocalStack({
    port: 0,
    dataDir: "memory://",
    seed: true,
    webRoot: inject("webRoot"),
    logger: () => {},
  });
}
