import { RosterError } from "@roster/core";
import {
  connectionsOfSession,
  findActor,
  reading,
  recordSignIn,
  recordSignOut,
  removeConnections,
  type SessionLifetime,
  transact,
} from "@roster/db";
import { type Context, Hono } from "hono";
import { SYSTEM_ACTOR } from "../auth/actor.js";
import type {
  PendingSignIn,
  RelyingParty,
} from "../auth/oidc/relying-party.js";
import { rateLimiter } from "../auth/rate-limit.js";
import {
  type CookiePolicy,
  clearSessionCookie,
  csrfTokenFor,
  csrfTokenMatches,
  takePendingCookie,
  writePendingCookie,
  writeSessionCookie,
} from "../auth/session-cookies.js";
import { CSRF_HEADER, sessionOf } from "../auth/session-resolver.js";
import type { AppDeps, AppEnv } from "../env.js";
import { clientAddress } from "../http/client-address.js";

/** What sign-in with the company's provider needs. */
export interface SignInDeps {
  relyingParty: RelyingParty;
  /** The origin people reach Roster at, for the callback and sign-out. */
  siteOf(requestUrl: string, forwardedHost?: string): string;
  cookies: CookiePolicy;
  lifetime?: SessionLifetime;
  /**
   * Sign-in attempts one address may start per minute: a backstop against
   * floods, high enough for a whole office behind one CDN edge.
   */
  attemptsPerMinute?: number;
}

const PENDING_TTL_MS = 10 * 60 * 1000;

/** Only paths on this site: never an open redirect. */
export function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith("/")) return "/";
  const base = "https://roster.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return "/";
  }
  // `//evil.example` and `/\evil.example` resolve to another origin.
  if (url.origin !== base) return "/";
  // Dot segments collapse only now (`/.//evil` becomes `//evil`), and a
  // Location starting with two slashes would leave the site.
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (/^[/\\]{2}/.test(path)) return "/";
  return path.slice(0, 2000);
}

function isPending(value: unknown): value is PendingSignIn & {
  issuedAt: number;
} {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.state === "string" &&
    typeof v.nonce === "string" &&
    typeof v.codeVerifier === "string" &&
    typeof v.returnTo === "string" &&
    typeof v.issuedAt === "number"
  );
}

function signInPage(error: string): string {
  return `/sign-in?error=${encodeURIComponent(error)}`;
}

/**
 * Sign-in through the company's OpenID Connect provider: start, callback,
 * the session the UI asks about, and sign-out. Mounted before the actor is
 * resolved, since signing in is what makes one.
 */
export function authRoutes({ directory }: AppDeps, signIn: SignInDeps) {
  const { relyingParty, cookies } = signIn;
  const limit = rateLimiter({
    limit: signIn.attemptsPerMinute ?? 600,
    windowMs: 60_000,
  });
  const siteOf = (c: Context) =>
    signIn.siteOf(c.req.url, c.req.header("x-forwarded-host"));

  return new Hono<AppEnv>()
    .get("/sign-in", async (c) => {
      if (!limit(clientAddress(c))) {
        throw new RosterError(
          "rate_limited",
          "Too many sign-in attempts; wait a minute and try again.",
        );
      }
      const returnTo = safeReturnTo(c.req.query("returnTo"));
      const site = siteOf(c);
      const { url, pending } = await relyingParty.begin(
        returnTo,
        `${site}/api/auth/callback`,
      );
      writePendingCookie(c, cookies, { ...pending, issuedAt: Date.now() });
      return c.redirect(url.href, 302);
    })
    .get("/callback", async (c) => {
      const pending = takePendingCookie(c, cookies);
      if (
        !isPending(pending) ||
        Date.now() - pending.issuedAt > PENDING_TTL_MS
      ) {
        return c.redirect(
          signInPage("That sign-in expired or was not started here."),
          302,
        );
      }
      const callback = new URL(
        `${new URL(c.req.url).pathname}${new URL(c.req.url).search}`,
        siteOf(c),
      );
      let who: Awaited<ReturnType<RelyingParty["complete"]>>;
      try {
        who = await relyingParty.complete(callback, pending);
      } catch (error) {
        if (error instanceof RosterError && error.code === "unauthenticated") {
          return c.redirect(signInPage(error.message), 302);
        }
        throw error;
      }
      const actor = await findActor(reading(directory, SYSTEM_ACTOR), {
        email: who.email,
      });
      if (!actor) {
        return c.redirect(
          signInPage(`Nobody in the directory has the email ${who.email}.`),
          302,
        );
      }
      const { token, session } = await transact(
        directory,
        { ...actor, via: { channel: "web", requestId: c.get("requestId") } },
        (ctx) =>
          recordSignIn(
            ctx,
            { subject: who.subject, email: who.email },
            signIn.lifetime,
          ),
      );
      writeSessionCookie(c, cookies, token, session.expiresAt);
      return c.redirect(safeReturnTo(pending.returnTo), 302);
    })
    .get("/session", async (c) => {
      const session = await sessionOf(c, {
        directory,
        cookies,
        ...(signIn.lifetime ? { lifetime: signIn.lifetime } : {}),
      });
      c.header("cache-control", "no-store");
      if (!session) {
        return c.json({
          signedIn: false as const,
          signIn: "/api/auth/sign-in",
        });
      }
      return c.json({
        signedIn: true as const,
        employeeId: session.employeeId,
        expiresAt: session.expiresAt,
        csrfToken: csrfTokenFor(cookies, session.id),
      });
    })
    .post("/sign-out", async (c) => {
      const session = await sessionOf(c, { directory, cookies });
      if (session) {
        if (!csrfTokenMatches(cookies, session.id, c.req.header(CSRF_HEADER))) {
          throw new RosterError(
            "forbidden",
            "Sign-out needs the session's CSRF token; reload the page.",
            { header: "X-CSRF-Token" },
          );
        }
        const actor = await findActor(reading(directory, SYSTEM_ACTOR), {
          id: session.employeeId,
        });
        await transact(
          directory,
          {
            ...(actor ?? { id: session.employeeId, role: "employee" }),
            via: { channel: "web", requestId: c.get("requestId") },
          },
          (ctx) => recordSignOut(ctx, session),
        );
        // Its sockets get nothing more; their next message is refused and
        // the tab, asking for a new ticket, is sent to sign in.
        await removeConnections(
          directory.db,
          await connectionsOfSession(directory.db, session.id),
        );
      }
      clearSessionCookie(c, cookies);
      const next = await relyingParty
        .endSessionUrl(`${siteOf(c)}/sign-in`)
        .catch(() => undefined);
      return c.json({ signedOut: true, redirect: next?.href ?? "/" });
    });
}
