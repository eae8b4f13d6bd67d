/** What the API says about this browser's sign-in. */
export type AuthState =
  | { mode: "session"; csrfToken: string; expiresAt: string }
  | { mode: "signed-out"; signIn: string }
  /** No sign-in is configured here: the local stack's "act as" mode. */
  | { mode: "none" };

let csrfToken: string | null = null;
let state: AuthState | null = null;
const listeners = new Set<() => void>();

function settle(next: AuthState): AuthState {
  state = next;
  csrfToken = next.mode === "session" ? next.csrfToken : null;
  for (const listener of listeners) listener();
  return next;
}

/** The last known sign-in state; null before the first check. */
export function getAuthState(): AuthState | null {
  return state;
}

/** Calls `listener` whenever the sign-in state changes. */
export function subscribeAuthState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The CSRF token state-changing requests carry, once signed in. */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** The sign-in URL that brings the user back to where they are. */
export function signInUrl(returnTo = currentPath()): string {
  return `/api/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
}

function currentPath(): string {
  const { pathname, search, hash } = window.location;
  return pathname.startsWith("/sign-in") ? "/" : pathname + search + hash;
}

// While signing out, requests that fail for want of a session must not
// race the sign-out's own redirect with one to sign in again.
let signingOut = false;

/** Sends the browser to the identity provider, then back here. */
export function redirectToSignIn(): void {
  if (signingOut) return;
  window.location.assign(signInUrl());
}

/** Asks the API who is signed in, remembering the CSRF token. */
export async function loadAuthState(signal?: AbortSignal): Promise<AuthState> {
  const response = await fetch("/api/auth/session", {
    headers: { Accept: "application/json" },
    signal,
  });
  if (response.status === 404) return settle({ mode: "none" });
  if (!response.ok) {
    throw new Error(`Checking your sign-in failed (${response.status}).`);
  }
  const body = (await response.json()) as
    | { signedIn: true; csrfToken: string; expiresAt: string }
    | { signedIn: false; signIn: string };
  if (!body.signedIn)
    return settle({ mode: "signed-out", signIn: body.signIn });
  return settle({
    mode: "session",
    csrfToken: body.csrfToken,
    expiresAt: body.expiresAt,
  });
}

/** Ends the session here and at the provider. */
export async function signOut(): Promise<void> {
  signingOut = true;
  const headers = new Headers({ Accept: "application/json" });
  if (csrfToken) headers.set("X-CSRF-Token", csrfToken);
  let response: Response;
  try {
    response = await fetch("/api/auth/sign-out", { method: "POST", headers });
  } catch (error) {
    signingOut = false;
    throw error;
  }
  const body = response.ok
    ? ((await response.json()) as { redirect?: string })
    : {};
  window.location.assign(body.redirect ?? "/sign-in");
}
