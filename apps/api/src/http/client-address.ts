import type { Context } from "hono";

interface PlatformBindings {
  /** API Gateway's HTTP API event context, on Lambda. */
  requestContext?: { http?: { sourceIp?: string } };
  /** The Node server's request, locally. */
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The address the request came from, as the platform saw it: never a
 * header the client could write. Behind the CDN this is the edge server's
 * address, so limits keyed on it count an edge's clients together.
 */
export function clientAddress(c: Context): string {
  const env = (c.env ?? {}) as PlatformBindings;
  return (
    env.requestContext?.http?.sourceIp ??
    env.incoming?.socket?.remoteAddress ??
    "unknown"
  );
}
