import { type Actor, RosterError } from "@roster/core";
import {
  type Directory,
  findActor,
  findSession,
  reading,
  type SessionLifetime,
} from "@roster/db";
import type { Context } from "hono";
import { ACT_AS_HEADER, type ActorResolver, SYSTEM_ACTOR } from "./actor.js";
import {
  type CookiePolicy,
  csrfTokenMatches,
  readSessionCookie,
} from "./session-cookies.js";

export const CSRF_HEADER = "x-csrf-token";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface SessionResolverOptions {
  directory: Directory;
  cookies: CookiePolicy;
  lifetime?: SessionLifetime;
  /**
   * Local development only: a signed-in person may act as anyone else by
   * sending `X-Roster-Act-As`, to try the product in other roles.
   */
  allowActingAs?: boolean;
}

/** The signed-in session behind a request, or undefined. */
export async function sessionOf(c: Context, options: SessionResolverOptions) {
  return findSession(
    options.directory.db,
    readSessionCookie(c, options.cookies),
    options.lifetime,
  );
}

/**
 * Resolves the actor from the session cookie. State-changing requests must
 * also carry the session's CSRF token in `X-CSRF-Token`, which a page on
 * another site cannot read or send.
 */
export function sessionActorResolver(
  options: SessionResolverOptions,
): ActorResolver {
  return {
    allowsActingAs: options.allowActingAs ?? false,
    async resolve(c) {
      const session = await sessionOf(c, options);
      if (!session) {
        throw new RosterError("unauthenticated", "Sign in to use Roster.", {
          signIn: "/api/auth/sign-in",
        });
      }
      if (
        !SAFE_METHODS.has(c.req.method) &&
        !csrfTokenMatches(
          options.cookies,
          session.id,
          c.req.header(CSRF_HEADER),
        )
      ) {
        throw new RosterError(
          "forbidden",
          "This request lacks the session's CSRF token; reload the page.",
          { header: "X-CSRF-Token" },
        );
      }
      c.set("sessionId", session.id);
      const ctx = reading(options.directory, SYSTEM_ACTOR);
      const found = await findActor(ctx, { id: session.employeeId });
      const actor = found && {
        ...found,
        via: { channel: "web" as const, requestId: c.get("requestId") },
      };
      if (!actor) {
        throw new RosterError(
          "unauthenticated",
          "Your profile is no longer in the directory; sign in again.",
        );
      }
      return options.allowActingAs ? actAs(c, options.directory, actor) : actor;
    },
  };
}

async function actAs(
  c: Context,
  directory: Directory,
  signedIn: Actor,
): Promise<Actor> {
  const id = c.req.header(ACT_AS_HEADER)?.trim();
  if (!id || id === signedIn.id) return signedIn;
  const other = await findActor(reading(directory, SYSTEM_ACTOR), { id });
  if (!other) {
    throw new RosterError(
      "unauthenticated",
      `There is nobody with id ${id} to act as.`,
      { header: "X-Roster-Act-As" },
    );
  }
  // The trail names whom the change was made as; that a local developer
  // acted as them is not recorded (act-as exists only on a laptop).
  return { ...other, via: { channel: "web", requestId: c.get("requestId") } };
}
