import { randomBytes } from "node:crypto";
import { EmployeeCreate } from "@roster/core";
import type { DatabaseHandle, Directory } from "@roster/db";
import { createEmployee, listAudit, reading, transact } from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { SYSTEM_ACTOR } from "../auth/actor.js";
import { CookieBrowser } from "../auth/oidc/browser-double.js";
import { oidcSignIn } from "../auth/sign-in.js";
import { directoryAccounts } from "../local/directory-accounts.js";
import {
  type LocalIdentityProvider,
  startLocalIdentityProvider,
} from "../local/identity-provider.js";
import { safeReturnTo } from "./auth.js";

const origin = "http://127.0.0.1:9";
const secret = randomBytes(32).toString("base64url");

let handle: DatabaseHandle;
let idp: LocalIdentityProvider;
let app: ReturnType<typeof createApp>;
let ada: { id: string; email: string };
let ben: { id: string; email: string };
const logs: string[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  const directory: Directory = {
    db: handle.db,
    events: { publish: async () => {} },
  };
  const add = (givenName: string, email: string) =>
    transact(directory, SYSTEM_ACTOR, (ctx) =>
      createEmployee(
        ctx,
        EmployeeCreate.parse({ email, givenName, familyName: "Tester" }),
      ),
    );
  ada = await add("Ada", "ada@example.com");
  ben = await add("Ben", "ben@example.com");
  idp = await startLocalIdentityProvider({
    accounts: directoryAccounts(handle.db),
    clients: [
      {
        clientId: "roster",
        clientSecret: secret,
        redirectUris: ["http://127.0.0.1/api/auth/callback"],
        postLogoutRedirectUris: ["http://127.0.0.1/sign-in"],
      },
    ],
  });
  const { auth, signIn } = oidcSignIn(directory, {
    issuer: idp.issuer,
    clientId: "roster",
    clientSecret: secret,
    sessionSecret: secret,
  });
  app = createApp({
    directory,
    auth,
    signIn,
    logger: (entry) => logs.push(JSON.stringify(entry)),
  });
});

afterAll(async () => {
  await idp?.close();
  await handle?.close();
});

function browser() {
  return new CookieBrowser({ [origin]: (request) => app.request(request) });
}

/** Signs in through the provider's page; where Roster sent the browser. */
async function signIn(b: CookieBrowser, email: string, returnTo = "/") {
  const start = `${origin}/api/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
  const page = await b.follow(start);
  expect(page.response.status).toBe(200);
  await page.response.text();
  const interaction = page.visited.at(-1) as URL;
  const done = await b.follow(interaction, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }).toString(),
  });
  return done.visited.at(-1) as URL;
}

async function session(b: CookieBrowser) {
  const res = await b.fetch(`${origin}/api/auth/session`);
  return (await res.json()) as {
    signedIn: boolean;
    csrfToken?: string;
    employeeId?: string;
  };
}

describe("sign-in with the local OpenID Connect provider", () => {
  it("refuses the API until signed in, pointing at sign-in", async () => {
    const res = await browser().fetch(`${origin}/api/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      code: "unauthenticated",
      details: { signIn: "/api/auth/sign-in" },
    });
  });

  it("signs in, lands where it started and knows who you are", async () => {
    const b = browser();
    const landed = await signIn(b, ada.email, "/people?q=x");
    expect(`${landed.pathname}${landed.search}`).toBe("/people?q=x");
    const cookie = b.cookiesFor(origin);
    expect(cookie.has("roster_session")).toBe(true);
    const me = await b.fetch(`${origin}/api/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ actor: { id: ada.id } });
  });

  it("sets the session cookie HttpOnly and SameSite", async () => {
    const b = browser();
    const page = await b.follow(`${origin}/api/auth/sign-in`);
    await page.response.text();
    const post = await b.fetch(page.visited.at(-1) as URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=${encodeURIComponent(ben.email)}`,
    });
    let location = post.headers.get("location");
    let url = page.visited.at(-1) as URL;
    let setCookie: string[] = [];
    while (location) {
      url = new URL(location, url);
      const res = await b.fetch(url);
      if (url.pathname === "/api/auth/callback") {
        setCookie = res.headers.getSetCookie();
      }
      location = res.headers.get("location");
    }
    const line = setCookie.find((c) => c.startsWith("roster_session="));
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Lax/i);
    expect(line).toMatch(/Max-Age=\d+/i);
  });

  it("requires the CSRF token for changes", async () => {
    const b = browser();
    await signIn(b, ada.email);
    const body = JSON.stringify({ bio: "Hello" });
    const headers = { "content-type": "application/json", "if-match": '"1"' };
    const without = await b.fetch(`${origin}/api/employees/${ada.id}`, {
      method: "PATCH",
      headers,
      body,
    });
    expect(without.status).toBe(403);
    expect(await without.json()).toMatchObject({
      details: { header: "X-CSRF-Token" },
    });
    const { csrfToken } = await session(b);
    const wrong = await b.fetch(`${origin}/api/employees/${ada.id}`, {
      method: "PATCH",
      headers: { ...headers, "x-csrf-token": `${csrfToken}x` },
      body,
    });
    expect(wrong.status).toBe(403);
    const right = await b.fetch(`${origin}/api/employees/${ada.id}`, {
      method: "PATCH",
      headers: { ...headers, "x-csrf-token": csrfToken ?? "" },
      body,
    });
    expect(right.status).toBe(200);
  });

  it("signs out: the session no longer opens the API", async () => {
    const b = browser();
    await signIn(b, ada.email);
    const stolen = b.cookiesFor(origin).get("roster_session");
    const { csrfToken } = await session(b);
    const out = await b.fetch(`${origin}/api/auth/sign-out`, {
      method: "POST",
      headers: { "x-csrf-token": csrfToken ?? "" },
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toMatchObject({ signedOut: true });
    expect((await session(b)).signedIn).toBe(false);
    const trail = await listAudit(
      reading(
        { db: handle.db, events: { publish: async () => {} } },
        {
          id: ada.id,
          role: "employee",
        },
      ),
      { subject: ada.id },
    );
    expect(trail.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["session.started", "session.ended"]),
    );
    expect(trail.items.find((e) => e.action === "session.ended")).toMatchObject(
      { channel: "web", subjectLabel: ada.email },
    );
    const replay = await app.request(`${origin}/api/me`, {
      headers: { cookie: `roster_session=${stolen}` },
    });
    expect(replay.status).toBe(401);
  });

  it("refuses sign-out without the CSRF token", async () => {
    const b = browser();
    await signIn(b, ada.email);
    const out = await b.fetch(`${origin}/api/auth/sign-out`, {
      method: "POST",
    });
    expect(out.status).toBe(403);
    expect((await session(b)).signedIn).toBe(true);
  });

  it("answers 400, not 500, for sign-in at a non-loopback host", async () => {
    const res = await app.request("http://evil.example/api/auth/sign-in");
    expect(res.status).toBe(400);
  });

  it("sends a callback it did not start back to the sign-in page", async () => {
    const res = await browser().fetch(
      `${origin}/api/auth/callback?code=abc&state=def`,
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/sign-in\?error=/);
  });

  it("refuses a forged sign-in cookie", async () => {
    const forged = Buffer.from(
      JSON.stringify({
        state: "s",
        nonce: "n",
        codeVerifier: "v",
        returnTo: "/",
        issuedAt: Date.now(),
      }),
    ).toString("base64url");
    const res = await app.request(
      `${origin}/api/auth/callback?code=a&state=s`,
      {
        headers: { cookie: `roster_sign_in=${forged}.bad-signature` },
      },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/expired|not started/);
  });

  it("says so when the provider's person is not in the directory", async () => {
    // The local provider only knows directory people, so the check is on
    // Roster's side: a person removed between the two steps.
    const b = browser();
    const page = await b.follow(`${origin}/api/auth/sign-in`);
    await page.response.text();
    const res = await b.fetch(page.visited.at(-1) as URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=ghost%40example.com",
    });
    expect(await res.text()).toContain("Nobody in the directory");
  });
});

describe("the sign-in rate limit", () => {
  it("counts by the address the platform saw, not a header", async () => {
    const limited = createApp({
      directory: { db: handle.db, events: { publish: async () => {} } },
      ...(() => {
        const deps = oidcSignIn(
          { db: handle.db, events: { publish: async () => {} } },
          {
            issuer: idp.issuer,
            clientId: "roster",
            clientSecret: secret,
            sessionSecret: secret,
          },
        );
        return {
          auth: deps.auth,
          signIn: { ...deps.signIn, attemptsPerMinute: 2 },
        };
      })(),
      logger: () => {},
    });
    const start = (xff: string) =>
      limited.request(`${origin}/api/auth/sign-in`, {
        headers: { "x-forwarded-for": xff },
      });
    expect((await start("1.1.1.1")).status).toBe(302);
    expect((await start("2.2.2.2")).status).toBe(302);
    const third = await start("3.3.3.3");
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ code: "rate_limited" });
  });
});

describe("what the logs keep", () => {
  it("never holds a session secret, a code or a CSRF token", async () => {
    const b = browser();
    const landed = await signIn(b, ada.email);
    expect(landed.pathname).toBe("/");
    const token = b.cookiesFor(origin).get("roster_session") ?? "";
    const { csrfToken } = await session(b);
    expect(token).not.toBe("");
    const all = logs.join("\n");
    expect(all).not.toContain(token);
    expect(all).not.toContain(csrfToken);
    expect(all).not.toMatch(/code=/);
  });
});

describe("safeReturnTo", () => {
  it.each([
    ["/people/1?tab=2#x", "/people/1?tab=2#x"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/.//evil.example", "/"],
    ["/..//evil.example", "/"],
    ["/%2e//evil.example", "/"],
    ["/a/..//evil.example", "/"],
    ["/./\\evil.example", "/"],
    ["/people/./1", "/people/1"],
    ["people", "/"],
    [undefined, "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});
