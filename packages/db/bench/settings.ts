/** What one run of the benchmark does, from BENCH_* environment variables. */
export interface Settings {
  /** BENCH_ROWS: people to seed (100,000). */
  rows: number;
  /** BENCH_ROUNDS: timed search rounds at most (20); the list runs 4x. */
  rounds: number;
  /** BENCH_PHASE_SECONDS: no round starts after this long in a phase (40). */
  phaseSeconds: number;
  /** BENCH_SEED: the generator's seed, so runs seed the same people. */
  seed: number;
  /** BENCH_EXPLAIN=1: print the plan of the slowest search. */
  explain: boolean;
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, not "${raw}".`);
  }
  return value;
}

/** Reads the settings, refusing values that are not positive integers. */
export function readSettings(): Settings {
  return {
    rows: positiveInteger("BENCH_ROWS", 100_000),
    rounds: positiveInteger("BENCH_ROUNDS", 20),
    phaseSeconds: positiveInteger("BENCH_PHASE_SECONDS", 40),
    seed: positiveInteger("BENCH_SEED", 20_240_917),
    explain: process.env.BENCH_EXPLAIN === "1",
  };
}
