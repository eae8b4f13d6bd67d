import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalStack } from "@roster/api/local";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  type Browser,
  CHROMIUM_PATH,
  hasChromium,
  launchBrowser,
} from "./browser";

const suite = hasChromium
  ? "importing people in a browser"
  : `importing people in a browser (skipped: no Chromium at ${CHROMIUM_PATH}; ` +
    "set CHROMIUM_PATH to run it)";

const CSV = [
  "Employee ID,First name,Last name,Work email,Reports To,Job Title",
  "n2,Grace,Hopper,grace.hopper@import.example,n1,Rear Admiral",
  "n1,Ada,Lovelace,ada.lovelace@import.example,,Analyst",
  "n3,Alan,Copy,ADA.LOVELACE@import.example,n1,Mathematician",
].join("\r\n");

describe.skipIf(!hasChromium)(suite, () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let browser: Browser;
  let filesDir: string;

  beforeAll(async () => {
    filesDir = mkdtempSync(join(tmpdir(), "roster-e2e-files-"));
    stack = await startLocalStack({
      port: 0,
      realtimePort: 0,
      dataDir: "memory://",
      seed: true,
      signIn: "act-as",
      webRoot: inject("webRoot"),
      filesDir,
      logger: () => {},
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (filesDir) rmSync(filesDir, { recursive: true, force: true });
  });

  it("previews a CSV, applies it and follows the progress", async () => {
    const { page } = browser;
    await page.goto(stack.url);
    await page.getByRole("link", { name: "Import" }).click();
    await page.locator('input[name="file"]').setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.getByText("Which column holds what").waitFor();
    await page.getByRole("button", { name: "Preview the changes" }).click();
    await page.getByText("2 new, 0 changed, 0 unchanged, 1 rejected").waitFor();
    await page.getByRole("button", { name: /^Rejected/ }).click();
    await page
      .getByText("ada.lovelace@import.example is also on row 3")
      .waitFor();
    await page.getByRole("button", { name: /^New/ }).click();
    await page
      .getByText("Grace Hopper <grace.hopper@import.example>")
      .waitFor();
    const diff = page.getByRole("region", { name: "What the import will do" });
    const fields = await diff.locator("dt").allTextContents();
    expect(fields).toContain("Job title");
    expect(fields).toContain("HR id");
    expect(fields).not.toContain("jobTitle");
    expect(await diff.textContent()).toContain("— → Rear Admiral");

    await page.getByRole("button", { name: "Apply these changes" }).click();
    const done = page.getByRole("status").filter({ hasText: "Imported:" });
    await done.waitFor();
    expect(await done.textContent()).toContain("2 created, 0 updated");
    const bar = page.locator('progress[data-status="succeeded"]').last();
    const [value, max] = await Promise.all([
      bar.getAttribute("value"),
      bar.getAttribute("max"),
    ]);
    expect(value).toBe(max);
    const progress = await page
      .locator(".job-progress__label")
      .allTextContents();
    expect(progress[0]).toBe("Preview: Read the whole file");
    expect(progress[1]).toMatch(/^Import: (\d+) of \1 rows?$/);

    // The same file again changes nothing, and another can be started.
    await page.getByRole("button", { name: "Import another file" }).click();
    await page.locator('input[name="file"]').setInputFiles({
      name: "people.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await page.getByRole("button", { name: "Preview the changes" }).click();
    await page.getByText("Nothing to change").waitFor();
    await page.getByRole("button", { name: "Import another file" }).click();
    await page.getByRole("button", { name: "Upload" }).waitFor();

    await page.goto(`${stack.url}/?q=hopper`);
    await page.getByRole("link", { name: "Grace Hopper" }).click();
    const line = page.getByRole("navigation", { name: "Reporting line" });
    await line.getByRole("link", { name: "Ada Lovelace" }).waitFor();
  });
});
