import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";

/** Writes one structured log entry; the app never logs any other way. */
export type Logger = (entry: Record<string, unknown>) => void;

/** One JSON line per entry, so the cloud log keeps each one whole. */
export const jsonLineLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

const INCOMING_ID = /^[\w.:-]{8,128}$/;

/**
 * Gives each request an id (the caller's `X-Request-Id` when it is sane,
 * else the platform's, else a new one) and logs one line when it ends.
 */
export function observe(
  logger: Logger,
  platformRequestId: (
    c: Parameters<MiddlewareHandler>[0],
  ) => string | undefined,
): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId =
      (incoming && INCOMING_ID.test(incoming) ? incoming : undefined) ??
      platformRequestId(c) ??
      randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    await next();
    const status = c.res.status;
    const failure = c.get("failure");
    logger({
      level: status >= 500 ? "error" : "info",
      time: new Date().toISOString(),
      requestId,
      method: c.req.method,
      route: routePath(c),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      outcome: status >= 500 ? "error" : status >= 400 ? "refused" : "ok",
      ...(c.get("actor") ? { actor: c.get("actor")?.id } : {}),
      ...(failure ? { error: describe(failure) } : {}),
    });
  };
}

function describe(error: unknown) {
  if (error instanceof Error) {
    // The driver's own error (the PostgreSQL message) sits in `cause`;
    // drizzle's message around it holds the query and its parameters,
    // which can carry personal data, so only the cause's message is kept.
    const cause = error.cause instanceof Error ? error.cause : undefined;
    return {
      name: error.name,
      message: cause ? cause.message : error.message,
      ...(cause ? { code: (cause as { code?: unknown }).code } : {}),
      stack: (cause ?? error).stack,
    };
  }
  return { message: String(error) };
}
