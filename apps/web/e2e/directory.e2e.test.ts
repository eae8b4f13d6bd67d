import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
} from "./browser";
import { startSeededStack } from "./stack";

const suite = hasChromium
  ? "the directory in a browser"
  : `the directory in a browser (skipped: no Chromium at ${CHROMIUM_PATH}; ` +
    "set CHROMIUM_PATH to run it)";

describe.skipIf(!hasChromium)(suite, () => {
  let stack: Awaited<ReturnType<typeof startSeededStack>>;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startSeededStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("finds people and shows their reporting line", async () => {
    const { page } = browser;
    await page.goto(stack.url);
    const count = page.locator("#results-count");
    await count.filter({ hasText: "107 people" }).waitFor();

    const search = page.getByRole("searchbox", { name: "Search people" });
    await search.pressSequentially("kochar", { delay: 40 });
    // She is listed before any search too: wait for the query to land.
    await page.waitForURL(
      (url) => new URL(url).searchParams.get("q") === "kochar",
    );
    await count.filter({ hasNotText: "107 people" }).waitFor();
    const neena = page.getByRole("link", { name: "Neena Kochhar" });
    await neena.waitFor();

    await neena.click();
    await page
      .getByRole("heading", { level: 1, name: /Neena Kochhar/ })
      .waitFor();
    const line = page.getByRole("navigation", { name: "Reporting line" });
    await line.getByRole("link", { name: "Steven King" }).waitFor();

    await page.getByRole("link", { name: "Directory" }).first().click();
    await search.fill("hunold");
    const alexander = page.getByRole("link", { name: "Alexander Hunold" });
    await alexander.waitFor();
    // The keyboard path: focus the card's link and press Enter.
    await alexander.focus();
    await page.keyboard.press("Enter");
    await page
      .getByRole("heading", { level: 1, name: /Alexander Hunold/ })
      .waitFor();
    await line.getByRole("link", { name: "Lex De Haan" }).waitFor();
    const chain = await line.getByRole("link").allTextContents();
    expect(chain).toEqual(["Directory", "Steven King", "Lex De Haan"]);
    expect(await line.locator("[aria-current=page]").textContent()).toBe(
      "Alexander Hunold",
    );
  });
});
