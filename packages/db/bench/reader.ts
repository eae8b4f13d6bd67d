import type { Actor } from "@roster/core";
import { type Context, type Directory, reading } from "../src/context.js";

const reader: Actor = {
  id: "00000000-0000-4000-8000-000000000001",
  role: "employee",
};

/** A read-only context for an ordinary employee browsing the directory. */
export function readContext(directory: Directory): Context {
  return reading(directory, reader);
}

/** How many timed rounds a phase may run: a count and a time allowance. */
export interface RoundLimits {
  maxRounds: number;
  /** No round starts once this many seconds are spent; one always runs. */
  seconds: number;
}

/**
 * Runs `round` until the limits say stop, and returns how many ran. Slow
 * databases get fewer samples rather than an endless run.
 */
export async function runRounds(
  limits: RoundLimits,
  round: (index: number) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  let done = 0;
  while (done < limits.maxRounds) {
    if (done > 0 && performance.now() - started > limits.seconds * 1000) {
      break;
    }
    await round(done);
    done++;
  }
  return done;
}
