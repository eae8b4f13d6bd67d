import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, hasChromium, launchBrowser } from "./browser";
import { startSeededStack } from "./stack";

/** Waits for `check` to hold, polling; fails after `ms`. */
async function until(check: () => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Still not true: ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

type Stack = Awaited<ReturnType<typeof startSeededStack>>;
interface Person {
  id: string;
  version: number;
  displayName: string;
}

describe.skipIf(!hasChromium)("live updates across tabs", () => {
  let stack: Stack;
  let admin: Browser;
  let other: Browser | undefined;

  beforeAll(async () => {
    stack = await startSeededStack();
    admin = await launchBrowser();
  });

  afterAll(async () => {
    await other?.close();
    await admin?.close();
    await stack?.close();
  });

  async function find(q: string): Promise<Person> {
    const res = await fetch(`${stack.url}/api/employees?q=${q}&limit=1`);
    const body = (await res.json()) as { items: Person[] };
    const person = body.items[0];
    if (!person) throw new Error(`No one matches ${q}`);
    return person;
  }

  /** Changes a job title through the API, as another client would. */
  async function retitle(q: string, jobTitle: string) {
    const person = await find(q);
    const res = await fetch(`${stack.url}/api/employees/${person.id}`, {
      method: "PATCH",
      headers: {
        "content-type": "application/json",
        "if-match": `"${person.version}"`,
      },
      body: JSON.stringify({ jobTitle }),
    });
    expect(res.status).toBe(200);
  }

  async function open(browser: Browser, path: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(`${stack.url}${path}`);
    await live(page);
    // Anything that survives on `window` shows the page never reloaded.
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    return page;
  }

  const live = (page: Page) =>
    page.locator('.connection-status[data-state="live"]').waitFor();

  const stillSamePage = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { notReloaded?: boolean }).notReloaded,
    );

  it("shows an edit made in one tab in the others, without a reload", async () => {
    const alexander = await find("hunold");
    const list = await open(admin, "/?q=hunold");
    const profile = await open(admin, `/people/${alexander.id}`);
    const search = list.getByRole("searchbox", { name: "Search people" });
    expect(await search.inputValue()).toBe("hunold");

    const editor = await open(admin, `/people/${alexander.id}/edit`);
    await editor.getByLabel("Job title").fill("Compiler writer");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await editor.waitForURL(`${stack.url}/people/${alexander.id}`);

    await profile
      .locator(".profile-header__title", { hasText: "Compiler writer" })
      .waitFor({ timeout: 5_000 });
    await list
      .locator(".person-card__title", { hasText: "Compiler writer" })
      .waitFor({ timeout: 5_000 });
    expect(await stillSamePage(profile)).toBe(true);
    expect(await stillSamePage(list)).toBe(true);
    expect(await search.inputValue()).toBe("hunold");
    for (const page of [list, profile, editor]) await page.close();
  });

  it("tells an open edit form about someone else's change, keeping its edits", async () => {
    const bruce = await find("ernst");
    const editor = await open(admin, `/people/${bruce.id}/edit`);
    await editor.getByLabel("Bio").fill("Keeps the build green.");
    await retitle("ernst", "Release manager");
    const notice = editor.getByRole("alert").filter({
      hasText: "changed by someone else",
    });
    await notice.getByText("They changed: Job title.").waitFor();
    await notice
      .getByRole("button", { name: "Bring in their changes" })
      .click();
    await editor
      .getByRole("status")
      .filter({ hasText: "Their changes are in the form" })
      .waitFor();
    expect(await editor.getByLabel("Job title").inputValue()).toBe(
      "Release manager",
    );
    expect(await editor.getByLabel("Bio").inputValue()).toBe(
      "Keeps the build green.",
    );
    await editor.getByRole("button", { name: "Save changes" }).click();
    await editor.waitForURL(`${stack.url}/people/${bruce.id}`);
    await editor
      .locator(".bio", { hasText: "Keeps the build green." })
      .waitFor();
    expect(await editor.locator(".profile-header__title").textContent()).toBe(
      "Release manager",
    );
    await editor.close();
  });

  it("shows someone online while any of their tabs is open", async () => {
    const neena = await find("kochhar");
    const watcher = await open(admin, `/people/${neena.id}`);
    const badge = watcher.locator(".profile-header .presence");
    await badge.filter({ hasText: "Offline" }).waitFor();

    other = await launchBrowser();
    await other.context.addInitScript((id) => {
      localStorage.setItem(
        "roster.actingAs",
        JSON.stringify({ id, name: "Neena Kochhar" }),
      );
    }, neena.id);
    const first = await open(other, "/");
    const second = await open(other, `/people/${neena.id}`);
    await badge.filter({ hasText: "Online" }).waitFor();
    // Her own tab shows her online too.
    await second
      .locator(".profile-header .presence", { hasText: "Online" })
      .waitFor();

    const before = stack.realtime.openSockets;
    await first.close();
    // One tab is still open: once the server has seen the other close,
    // she is still online.
    await until(() => stack.realtime.openSockets === before - 1);
    const res = await fetch(`${stack.url}/api/presence?id=${neena.id}`);
    expect(await res.json()).toEqual({
      items: [{ id: neena.id, online: true }],
    });
    expect(await badge.textContent()).toBe("Online");

    await second.close();
    await badge.filter({ hasText: "Offline" }).waitFor({ timeout: 5_000 });
    await watcher.close();
  });

  it("reconnects after the realtime server restarts and shows what changed meanwhile", async () => {
    const lex = await find("de haan");
    const list = await open(admin, "/?q=de%20haan");
    const profile = await open(admin, `/people/${lex.id}`);

    await stack.realtime.stop();
    for (const page of [list, profile]) {
      await page
        .locator(
          '.connection-status:is([data-state="reconnecting"],' +
            '[data-state="connecting"])',
        )
        .waitFor();
    }
    await retitle("de haan", "Chief of staff");
    await stack.realtime.start();

    for (const page of [list, profile]) await live(page);
    await profile
      .locator(".profile-header__title", { hasText: "Chief of staff" })
      .waitFor({ timeout: 5_000 });
    await list
      .locator(".person-card__title", { hasText: "Chief of staff" })
      .waitFor({ timeout: 5_000 });
    expect(await stillSamePage(list)).toBe(true);
    expect(await stillSamePage(profile)).toBe(true);
    for (const page of [list, profile]) await page.close();
  });
});
