import { createHmac, timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { CookieOptions } from "hono/utils/cookie";

/** How the session and sign-in cookies are named and protected. */
export interface CookiePolicy {
  /** HMAC key for the sign-in cookie and CSRF tokens; 32+ bytes. */
  secret: string;
  /** Secure cookies with the `__Host-` prefix; off only on plain loopback. */
  secure: boolean;
}

const SESSION = "roster_session";
const PENDING = "roster_sign_in";
/** A sign-in that takes longer than this starts again. */
const PENDING_MAX_AGE_S = 10 * 60;

function named(policy: CookiePolicy, name: string): string {
  return policy.secure ? `__Host-${name}` : name;
}

function options(policy: CookiePolicy, maxAge?: number): CookieOptions {
  return {
    httpOnly: true,
    secure: policy.secure,
    sameSite: "Lax",
    path: "/",
    ...(maxAge === undefined ? {} : { maxAge }),
  };
}

function mac(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret)
    .update(`${purpose}\0${value}`)
    .digest("base64url");
}

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readSessionCookie(c: Context, policy: CookiePolicy) {
  return getCookie(c, named(policy, SESSION));
}

export function writeSessionCookie(
  c: Context,
  policy: CookiePolicy,
  token: string,
  expiresAt: string,
): void {
  const maxAge = Math.max(
    0,
    Math.floor((new Date(expiresAt).getTime() - Date.now()) / 1000),
  );
  setCookie(c, named(policy, SESSION), token, options(policy, maxAge));
}

export function clearSessionCookie(c: Context, policy: CookiePolicy): void {
  deleteCookie(c, named(policy, SESSION), options(policy));
}

/** The CSRF token for a session: derived, so nothing more is stored. */
export function csrfTokenFor(policy: CookiePolicy, sessionId: string): string {
  return mac(policy.secret, "csrf", sessionId);
}

export function csrfTokenMatches(
  policy: CookiePolicy,
  sessionId: string,
  sent: string | undefined,
): boolean {
  return sent !== undefined && sameMac(csrfTokenFor(policy, sessionId), sent);
}

/** Keeps a value in an HMAC-signed, short-lived cookie. */
export function writePendingCookie(
  c: Context,
  policy: CookiePolicy,
  value: unknown,
): void {
  const body = Buffer.from(JSON.stringify(value)).toString("base64url");
  const signed = `${body}.${mac(policy.secret, "pending", body)}`;
  setCookie(c, named(policy, PENDING), signed, {
    ...options(policy, PENDING_MAX_AGE_S),
  });
}

/** The signed cookie's value, once: it is cleared as it is read. */
export function takePendingCookie(
  c: Context,
  policy: CookiePolicy,
): unknown | undefined {
  const raw = getCookie(c, named(policy, PENDING));
  deleteCookie(c, named(policy, PENDING), options(policy));
  if (!raw) return undefined;
  const [body, signature] = raw.split(".");
  if (!body || !signature) return undefined;
  if (!sameMac(mac(policy.secret, "pending", body), signature)) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}
