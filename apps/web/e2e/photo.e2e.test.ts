import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Browser,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
} from "./browser";
import { startSeededStack } from "./stack";

const suite = hasChromium
  ? "photos and contacts on a profile"
  : `photos and contacts on a profile (skipped: no Chromium at ` +
    `${CHROMIUM_PATH}; set CHROMIUM_PATH to run it)`;

describe.skipIf(!hasChromium)(suite, () => {
  let stack: Awaited<ReturnType<typeof startSeededStack>>;
  let browser: Browser;
  let profileUrl: string;

  beforeAll(async () => {
    stack = await startSeededStack();
    browser = await launchBrowser();
    const res = await fetch(`${stack.url}/api/employees?q=kochhar`);
    const page = (await res.json()) as { items: { id: string }[] };
    profileUrl = `${stack.url}/people/${page.items[0]?.id}`;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it("offers a vCard download of the person", async () => {
    const { page } = browser;
    await page.goto(profileUrl);
    const link = page.getByRole("link", { name: "Download vCard" });
    await link.waitFor();
    const href = (await link.getAttribute("href")) ?? "";
    const card = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { type: res.headers.get("content-type"), text: await res.text() };
    }, href);
    expect(card.type).toBe("text/vcard; charset=utf-8");
    expect(card.text).toContain("FN:Neena Kochhar\r\n");
  });

  it("refuses a HEIC photo before uploading it, saying why", async () => {
    const { page } = browser;
    await page.goto(profileUrl);
    const uploads: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/photo/uploads")) uploads.push(r.url());
    });
    await page.getByRole("button", { name: "Change photo" }).waitFor();
    await page.locator(".photo-upload__input").setInputFiles({
      name: "IMG_0001.HEIC",
      mimeType: "image/heic",
      buffer: Buffer.from("not really a photo"),
    });
    await page
      .getByRole("alert")
      .filter({ hasText: "HEIC photos (the iPhone default)" })
      .waitFor();
    expect(uploads).toEqual([]);
  });
});
