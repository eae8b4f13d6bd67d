/**
 * A fixed-window counter per key, in memory. On Lambda each container
 * counts for itself, so the real ceiling is this limit times the warm
 * containers; API Gateway's throttling is the backstop across them.
 */
export function rateLimiter({
  limit,
  windowMs,
  maxKeys = 10_000,
}: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
}) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string, now = Date.now()): boolean => {
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      if (!window && windows.size >= maxKeys) {
        // Forget the oldest entries rather than grow without bound.
        for (const [k, w] of windows) {
          if (now - w.start >= windowMs || windows.size >= maxKeys) {
            windows.delete(k);
          }
          if (windows.size < maxKeys) break;
        }
      }
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return window.count <= limit;
  };
}
