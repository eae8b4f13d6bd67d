import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, hasChromium, launchBrowser } from "./browser";
import { startSeededStack } from "./stack";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const blnsFile = join(
  repoRoot,
  "..",
  "shared",
  "datasets",
  "naughty-strings",
  "blns.txt",
);
const runnable = hasChromium && existsSync(blnsFile);
if (hasChromium && !runnable) {
  console.warn("Skipping the naughty-strings test: the data set is missing.");
}

// Bios are multi-line and hold up to 5000 characters, so the list goes in
// as a few bios of many lines. Lines with control characters other than a
// tab are left out: the API refuses them, rightly.
function naughtyBios(): string[] {
  const lines = readFileSync(blnsFile, "utf8")
    .split("\n")
    .filter(
      (l) =>
        l.trim() !== "" &&
        !l.startsWith("#") &&
        l.isWellFormed() &&
        !/(?!\t)\p{Cc}/u.test(l),
    );
  const bios: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if ([...[...current, line].join("\n")].length > 4800) {
      bios.push(current.join("\n"));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) bios.push(current.join("\n"));
  // The form drops blank edges from a bio, so compare without them.
  return bios.map((b) => b.replace(/^\n+|\s+$/g, ""));
}

describe.skipIf(!runnable)("naughty strings in the browser", () => {
  let stack: Awaited<ReturnType<typeof startSeededStack>>;
  let browser: Browser;
  const dialogs: string[] = [];

  beforeAll(async () => {
    stack = await startSeededStack();
    browser = await launchBrowser();
    // Any alert() from an injected payload would open a dialog.
    browser.page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("saves and shows every string as text through the edit form", async () => {
    const { page } = browser;
    await page.goto(`${stack.url}/?q=hunold`);
    await page.getByRole("link", { name: "Alexander Hunold" }).click();
    await page.getByRole("link", { name: "Edit" }).waitFor();
    const profileUrl = page.url();

    for (const bio of naughtyBios()) {
      await page.goto(`${profileUrl}/edit`);
      await page.getByLabel("Bio").fill(bio);
      await page.getByLabel("Job title").fill("<img src=x onerror=alert(1)>");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.waitForURL(profileUrl);
      const shown = await page.locator(".bio").textContent();
      expect(shown).toBe(bio);
    }
    expect(await page.locator(".profile-header__title").textContent()).toBe(
      "<img src=x onerror=alert(1)>",
    );
    expect(await page.locator(".profile img").count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("searches for hostile text without breaking", async () => {
    const { page } = browser;
    await page.goto(stack.url);
    const search = page.getByRole("searchbox", { name: "Search people" });
    const count = page.locator("#results-count");
    for (const q of [
      "<script>alert(1)</script>",
      "'; DROP TABLE employees; --",
    ]) {
      await search.fill(q);
      await count.filter({ hasText: "No one matches" }).waitFor();
    }
    await search.fill("");
    await count.filter({ hasText: "107 people" }).waitFor();
    expect(dialogs).toEqual([]);
  });
});
