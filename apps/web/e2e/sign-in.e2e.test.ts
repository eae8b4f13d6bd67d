import { startLocalStack } from "@roster/api/local";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type Browser,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
} from "./browser";

const suite = hasChromium
  ? "signing in through the identity provider"
  : `signing in (skipped: no Chromium at ${CHROMIUM_PATH})`;

describe.skipIf(!hasChromium)(suite, () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    // The stack as `pnpm dev` runs it: sign-in through the local provider.
    stack = await startLocalStack({
      port: 0,
      realtimePort: 0,
      identityProviderPort: 0,
      dataDir: "memory://",
      seed: true,
      webRoot: inject("webRoot"),
      logger: () => {},
    });
    browser = await launchBrowser();
    browser.page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) {
        policyViolations.push(message.text());
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("sends a visitor to the provider and back to where they were going", async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/?q=hunold`);
    await page.waitForURL((url) => url.origin === stack.identityProvider);
    await page.getByRole("heading", { name: "Sign in to Roster" }).waitFor();
    await page.getByLabel("Work email").fill("nkochhar@example.com");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();

    await page.waitForURL((url) => url.origin === stack.url);
    expect(new URL(page.url()).searchParams.get("q")).toBe("hunold");
    await page.getByRole("link", { name: "Alexander Hunold" }).waitFor();
    await page.getByText("Neena Kochhar").first().waitFor();
  });

  it("keeps the session HttpOnly: scripts cannot read it", async () => {
    const { page } = browser;
    const visible = await page.evaluate(() => document.cookie);
    expect(visible).not.toContain("roster_session");
    const cookies = await browser.context.cookies(stack.url);
    const session = cookies.find((c) => c.name === "roster_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });

  it("saves an edit with the session's CSRF token", async () => {
    const { page } = browser;
    const me = await page.evaluate(async () => {
      const res = await fetch("/api/me");
      return (await res.json()) as { actor: { id: string } };
    });
    await page.goto(`${stack.url}/people/${me.actor.id}/edit`);
    const bio = page.getByLabel("Bio");
    await bio.fill("Signed in through the provider.");
    await page.getByRole("button", { name: /^Save/ }).click();
    await page
      .getByRole("heading", { level: 1, name: /Neena Kochhar/ })
      .waitFor();
    await page.getByText("Signed in through the provider.").first().waitFor();
  });

  it("refuses a change sent without the token", async () => {
    const { page } = browser;
    const status = await page.evaluate(async () => {
      const me = (await (await fetch("/api/me")).json()) as {
        actor: { id: string };
      };
      const res = await fetch(`/api/employees/${me.actor.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ bio: "forged" }),
      });
      return res.status;
    });
    expect(status).toBe(403);
  });

  it("signs out here and at the provider", async () => {
    const { page } = browser;
    await page.goto(stack.url);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.origin === stack.identityProvider);
    // The provider asks before ending its own session.
    await page.getByRole("button", { name: /sign me out/i }).click();
    await page.waitForURL((url) => url.pathname === "/sign-in");
    await page.getByText("You are signed out.").waitFor();
    const res = await page.evaluate(
      async () => (await fetch("/api/me")).status,
    );
    expect(res).toBe(401);
  });

  it("runs under the content security policy without violations", () => {
    expect(policyViolations).toEqual([]);
  });
});
