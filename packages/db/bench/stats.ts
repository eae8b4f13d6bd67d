/** p50 and p95 of a set of timings, in milliseconds. */
export interface Latency {
  p50: number;
  p95: number;
  samples: number;
}

/** The nearest-rank value below which `fraction` of the samples fall. */
export function percentile(sorted: readonly number[], fraction: number) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** Summarises raw timings as p50 and p95. */
export function latency(timings: readonly number[]): Latency {
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    samples: sorted.length,
  };
}

/** Runs `work` and returns how long it took, in milliseconds. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Runs `work` and reports its duration beside its result. */
export async function measured<T>(work: () => Promise<T>) {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}
