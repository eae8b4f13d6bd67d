/**
 * How long to wait before reconnect attempt `failures` (1 for the first):
 * doubling from `initialMs` up to `maxMs`, then spread over the upper half
 * so that tabs dropped together by one restart do not return together.
 */
export function retryDelay(
  failures: number,
  { initialMs, maxMs }: { initialMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, failures - 1);
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling * (0.5 + random() / 2));
}
