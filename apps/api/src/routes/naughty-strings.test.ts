import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetPath } from "../datasets.js";
import { jsonHeaders, openTestApp } from "../test-app.js";

const file = datasetPath("naughty-strings", "blns.txt");
const strings = file
  ? readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"))
  : [];

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

type Outcome = { status: number; body: Record<string, unknown> };

async function createWith(field: string, value: string): Promise<Outcome> {
  const res = await t.app.request("/api/employees", {
    method: "POST",
    headers: jsonHeaders(),
    body: JSON.stringify({
      email: `n-${randomUUID()}@example.com`,
      givenName: "Naughty",
      familyName: "String",
      [field]: value,
    }),
  });
  return { status: res.status, body: (await res.json()) as Outcome["body"] };
}

describe.skipIf(!file)("the Big List of Naughty Strings", () => {
  it("never fails a search, whatever is typed", async () => {
    for (const value of strings) {
      const res = await t.app.request(
        `/api/employees?q=${encodeURIComponent(value.slice(0, 200))}`,
      );
      expect([200, 400], JSON.stringify(value)).toContain(res.status);
    }
  }, 120_000);

  it.each(["givenName", "jobTitle", "bio"])(
    "is stored byte-for-byte as %s, or refused with a reason",
    async (field) => {
      let stored = 0;
      for (const value of strings) {
        const { status, body } = await createWith(field, value);
        if (status === 201) {
          stored++;
          const res = await t.app.request(`/api/employees/${body.id}`);
          const back = (await res.json()) as Record<string, unknown>;
          expect(back[field], JSON.stringify(value)).toBe(value);
        } else {
          expect(status, JSON.stringify(value)).toBe(400);
          const issues = (body.details as { issues: { path: string }[] })
            .issues;
          expect(issues.map((i) => i.path)).toContain(field);
          expect(String(body.message)).not.toBe("");
        }
      }
      // Nearly all of the list is legitimate text and must be kept.
      expect(stored).toBeGreaterThan(strings.length * 0.9);
    },
    120_000,
  );
});
