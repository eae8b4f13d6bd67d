import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type LocalAccount,
  type LocalIdentityProvider,
  startLocalIdentityProvider,
} from "../../local/identity-provider.js";
import { CookieBrowser } from "./browser-double.js";
import { type RelyingParty, relyingParty } from "./relying-party.js";

const ada: LocalAccount = {
  id: "5b0c1b51-8f3a-4d36-9d7c-1f2d0c4a6e01",
  email: "ada@example.com",
  givenName: "Ada",
  familyName: "Lovelace",
  displayName: "Ada Lovelace",
};

const redirectUri = "http://127.0.0.1:9/api/auth/callback";

let idp: LocalIdentityProvider;
let rp: RelyingParty;

beforeAll(async () => {
  idp = await startLocalIdentityProvider({
    accounts: {
      byId: async (id) => (id === ada.id ? ada : undefined),
      byEmail: async (email) =>
        email.toLowerCase() === ada.email ? ada : undefined,
      search: async () => [ada],
    },
    clients: [
      {
        clientId: "roster",
        clientSecret: "a-test-secret-that-is-long-enough-000",
        redirectUris: ["http://127.0.0.1/api/auth/callback"],
        postLogoutRedirectUris: ["http://127.0.0.1/"],
      },
    ],
  });
  rp = relyingParty({
    issuer: idp.issuer,
    clientId: "roster",
    clientSecret: "a-test-secret-that-is-long-enough-000",
  });
});

afterAll(() => idp.close());

/** Runs the browser's part up to the redirect back to Roster. */
async function signInAs(browser: CookieBrowser, email: string, start: URL) {
  const page = await browser.follow(start);
  expect(page.response.status).toBe(200);
  const html = await page.response.text();
  expect(html).toContain("Sign in to Roster");
  const interaction = page.visited.at(-1) as URL;
  const posted = await browser.fetch(interaction, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }).toString(),
  });
  let next = posted.headers.get("location");
  let url = interaction;
  while (next) {
    url = new URL(next, url);
    if (url.href.startsWith(redirectUri)) return url;
    const response = await browser.fetch(url);
    next = response.headers.get("location");
  }
  throw new Error(`Sign-in never came back: ${posted.status}`);
}

describe("relyingParty with the local provider", () => {
  it("signs in with the authorization code, PKCE, state and nonce", async () => {
    const { url, pending } = await rp.begin("/people", redirectUri);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toBe(pending.state);
    const callback = await signInAs(new CookieBrowser(), ada.email, url);
    expect(callback.searchParams.get("state")).toBe(pending.state);
    const who = await rp.complete(callback, pending);
    expect(who).toMatchObject({ subject: ada.id, email: ada.email });
  });

  it("refuses a callback whose state does not match", async () => {
    const { url, pending } = await rp.begin("/", redirectUri);
    const callback = await signInAs(new CookieBrowser(), ada.email, url);
    await expect(
      rp.complete(callback, { ...pending, state: "someone-elses-state" }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("refuses a code redeemed without its PKCE verifier", async () => {
    const { url, pending } = await rp.begin("/", redirectUri);
    const callback = await signInAs(new CookieBrowser(), ada.email, url);
    const other = await rp.begin("/", redirectUri);
    await expect(
      rp.complete(callback, {
        ...pending,
        codeVerifier: other.pending.codeVerifier,
      }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("spends a code once", async () => {
    const { url, pending } = await rp.begin("/", redirectUri);
    const callback = await signInAs(new CookieBrowser(), ada.email, url);
    await rp.complete(callback, pending);
    await expect(rp.complete(callback, pending)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("says who is unknown on the provider's page", async () => {
    const browser = new CookieBrowser();
    const { url } = await rp.begin("/", redirectUri);
    const page = await browser.follow(url);
    await page.response.text();
    const interaction = page.visited.at(-1) as URL;
    const posted = await browser.fetch(interaction, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=nobody%40example.com",
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain(
      "Nobody in the directory has the email nobody@example.com.",
    );
  });

  it("offers the provider's sign-out", async () => {
    const url = await rp.endSessionUrl("http://127.0.0.1:9/");
    expect(url?.origin).toBe(idp.issuer);
    expect(url?.searchParams.get("post_logout_redirect_uri")).toBe(
      "http://127.0.0.1:9/",
    );
  });

  it("answers an unreachable provider with 503, not a crash", async () => {
    const down = relyingParty({
      issuer: "http://127.0.0.1:9",
      clientId: "roster",
      clientSecret: "x",
    });
    await expect(down.begin("/", redirectUri)).rejects.toMatchObject({
      code: "unavailable",
    });
  });

  it("refuses a plain-http issuer off loopback", () => {
    expect(() =>
      relyingParty({
        issuer: "http://login.example.com",
        clientId: "roster",
        clientSecret: "x",
      }),
    ).toThrow(/must use https/);
  });
});
