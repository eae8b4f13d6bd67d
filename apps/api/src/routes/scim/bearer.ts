import { createHash } from "node:crypto";
import { type Actor, RosterError } from "@roster/core";
import { authenticateScimToken, type Directory } from "@roster/db";
import type { MiddlewareHandler } from "hono";
import { rateLimiter } from "../../auth/rate-limit.js";
import type { AppEnv } from "../../env.js";

/** How many requests one token may make per window. */
export interface ScimRateLimit {
  limit: number;
  windowMs: number;
}

// Okta and Entra ID send a few requests a second at most while they sync;
// this leaves them room and stops a runaway client.
export const DEFAULT_SCIM_RATE_LIMIT: ScimRateLimit = {
  limit: 1200,
  windowMs: 60_000,
};

const unauthenticated = (message: string) =>
  new RosterError("unauthenticated", message);

/**
 * Resolves `Authorization: Bearer <token>` to the SCIM actor: the token
 * acts with the hr role on the scim channel, so the audit trail says who
 * changed what and how. The token itself is never logged or echoed.
 */
export function scimBearer(
  directory: Directory,
  rate: ScimRateLimit,
): MiddlewareHandler<AppEnv> {
  const allow = rateLimiter(rate);
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw unauthenticated(
        "Send the SCIM token as Authorization: Bearer <token>.",
      );
    }
    // Counted by the token's hash before it is looked up, so a flood of
    // requests costs no database work once over the limit. Requests with
    // ever-new made-up tokens are not limited here (each is its own key,
    // and a request carries no trustworthy client address); each costs one
    // indexed lookup, and API Gateway's throttling is the backstop.
    const key = createHash("sha256").update(match[1]).digest("hex");
    if (!allow(key)) {
      c.header("Retry-After", String(Math.ceil(rate.windowMs / 1000)));
      throw new RosterError(
        "rate_limited",
        `Too many requests: at most ${rate.limit} per ` +
          `${rate.windowMs / 1000} seconds for one token.`,
      );
    }
    const token = await authenticateScimToken(directory.db, match[1]);
    if (!token) {
      throw unauthenticated("The SCIM token is not valid or was revoked.");
    }
    const actor: Actor = {
      id: token.id,
      role: "hr",
      via: {
        channel: "scim",
        requestId: c.get("requestId"),
        label: `SCIM token "${token.name}"`,
      },
    };
    c.set("actor", actor);
    await next();
  };
}
