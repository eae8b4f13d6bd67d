import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, openTestApp } from "../test-app.js";

let t: Awaited<ReturnType<typeof openTestApp>>;
const tag = randomUUID().slice(0, 8);
let id: string;

beforeAll(async () => {
  t = await openTestApp();
  for (const [given, family] of [
    ["Zoë", "Ørsted; Jr."],
    ["Ann", `Lee-${tag}`],
  ]) {
    const res = await t.app.request("/api/employees", {
      method: "POST",
      headers: jsonHeaders(),
      body: JSON.stringify({
        givenName: given,
        familyName: family,
        email: `${randomUUID().slice(0, 8)}@example.com`,
        jobTitle: `Tester ${tag}`,
      }),
    });
    id ??= ((await res.json()) as { id: string }).id;
  }
});
afterAll(() => t.close());

describe("vCards", () => {
  it("export one person as a vCard 4.0 download", async () => {
    const res = await t.app.request(`/api/employees/${id}/vcard`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/vcard; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(
      "filename*=UTF-8''Zo%C3%AB%20%C3%98rsted%3B%20Jr..vcf",
    );
    const card = await res.text();
    expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\n/);
    expect(card).toContain("N:Ørsted\\; Jr.;Zoë;;;\r\n");
  });

  it("export the filtered directory as one file", async () => {
    const res = await t.app.request(`/api/vcards?q=${tag}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
  });

  it("refuse paging parameters and unknown people clearly", async () => {
    expect((await t.app.request("/api/vcards?limit=5")).status).toBe(400);
    const missing = await t.app.request(`/api/employees/${randomUUID()}/vcard`);
    expect(missing.status).toBe(404);
  });
});
