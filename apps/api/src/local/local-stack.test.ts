import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieBrowser } from "../auth/oidc/browser-double.js";
import { datasetPath } from "../datasets.js";
import { type LocalStack, startLocalStack } from "./index.js";

const hasData = datasetPath("oracle-hr", "employees-joined.csv") !== undefined;
let stack: LocalStack;
const browser = new CookieBrowser();

/** Signs in through the local provider's page, as a person would. */
async function signIn(email: string) {
  const page = await browser.follow(`${stack.url}/api/auth/sign-in`);
  expect(await page.response.text()).toContain("Sign in to Roster");
  return browser.follow(page.visited.at(-1) as URL, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email }).toString(),
  });
}

beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    identityProviderPort: 0,
    realtimePort: 0,
    dataDir: "memory://",
    seed: true,
    logger: () => {},
  });
  if (hasData) await signIn("sking@example.com");
}, 180_000);
afterAll(() => stack?.close());

async function api<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await browser.fetch(`${stack.url}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

interface Page {
  total: number;
  items: { id: string; displayName: string; email: string }[];
}

describe.skipIf(!hasData)("the local stack on the sample company", () => {
  it("loads the 107 people of the HR export on first start", async () => {
    expect(stack.seedReport).toMatchObject({ created: 107, rejected: [] });
    expect((await api<Page>("/api/employees")).total).toBe(107);
  });

  it.each([
    ["kochar", "Neena Kochhar"],
    ["de haan", "Lex De Haan"],
    ["HUNOLD", "Alexander Hunold"],
  ])("finds %s: %s first", async (q, name) => {
    const page = await api<Page>(`/api/employees?q=${encodeURIComponent(q)}`);
    expect(page.items[0]?.displayName).toBe(name);
  });

  it("filters the IT department to its 5 people with the right count", async () => {
    const facets = await api<{
      department: { value: string; label: string; count: number }[];
    }>("/api/employees/facets");
    const it = facets.department.find((d) => d.label === "IT");
    expect(it?.count).toBe(5);
    const page = await api<Page>(`/api/employees?department=${it?.value}`);
    expect(page.total).toBe(5);
    expect(page.items).toHaveLength(5);
  });

  it("lists departments and offices with their headcounts", async () => {
    const departments = await api<{
      items: { name: string; headcount: number }[];
    }>("/api/departments");
    expect(departments.items.find((d) => d.name === "IT")?.headcount).toBe(5);
    const locations = await api<{ items: { headcount: number }[] }>(
      "/api/locations",
    );
    const placed = locations.items.reduce((n, l) => n + l.headcount, 0);
    // Kimberely Grant has no department, and so no office, in the export.
    expect(placed).toBe(106);
  });

  it("shows King, then De Haan, above Alexander Hunold", async () => {
    const page = await api<Page>("/api/employees?q=hunold");
    const hunold = page.items[0];
    const chain = await api<{ items: { displayName: string }[] }>(
      `/api/employees/${hunold?.id}/manager-chain`,
    );
    expect(chain.items.map((p) => p.displayName)).toEqual([
      "Steven King",
      "Lex De Haan",
    ]);
  });

  it("refuses the API to a browser that has not signed in", async () => {
    const res = await fetch(`${stack.url}/api/employees`);
    expect(res.status).toBe(401);
  });

  it("signs in through the local provider, landing back on Roster", async () => {
    const other = new CookieBrowser();
    const page = await other.follow(`${stack.url}/api/auth/sign-in`);
    expect(new URL(page.visited.at(-1) as URL).origin).toBe(
      stack.identityProvider,
    );
    await page.response.text();
    const done = await other.follow(page.visited.at(-1) as URL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=nkochhar%40example.com",
    });
    expect((done.visited.at(-1) as URL).href).toBe(`${stack.url}/`);
    const me = await other.fetch(`${stack.url}/api/me`);
    expect(await me.json()).toMatchObject({
      employee: { email: "nkochhar@example.com" },
    });
  });

  it("signs the local user in as the seeded admin", async () => {
    const me = await api<{
      actor: { role: string };
      employee: { email: string };
      canActAs: boolean;
    }>("/api/me");
    expect(me.actor.role).toBe("admin");
    expect(me.employee.email).toBe("sking@example.com");
    expect(me.canActAs).toBe(true);
  });

  it("gives the HR department the hr role", async () => {
    const page = await api<Page>("/api/employees?q=mavris");
    const person = await api<{ role: string }>(
      `/api/employees/${page.items[0]?.id}`,
    );
    expect(person.role).toBe("hr");
  });
});
