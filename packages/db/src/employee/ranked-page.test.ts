import { randomUUID } from "node:crypto";
import { type Actor, EmployeeSearch } from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { reading } from "../context.js";
import { openTestDatabase } from "../testing/index.js";
import { searchEmployees } from "./search.js";
import { searchFields } from "./search-fields.js";
import { employees } from "./table.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
const word = `zq${randomUUID().slice(0, 6)}`;
// More matches than a sparse tier holds, so the index walk is used.
const COMMON = 2_100;
let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
  const rows = Array.from({ length: COMMON + 3 }, (_, i) => {
    const person = {
      email: i < 3 ? `${word}@d${i}.example.com` : `dense-${i}@example.com`,
      givenName: `Given${String(i).padStart(5, "0")}`,
      familyName: `Family${i % 97}`,
      preferredName: null,
      jobTitle: i < 3 ? "Chef" : `Senior ${word} specialist`,
      phones: [],
    };
    return { ...person, ...searchFields(person) };
  });
  for (let at = 0; at < rows.length; at += 500) {
    await handle.db.insert(employees).values(rows.slice(at, at + 500));
  }
});
afterAll(() => handle.close());

describe("ranked pages over a common word", () => {
  it("pages every match once, best tier first, in name order", async () => {
    const ctx = reading(
      { db: handle.db, events: { publish: async () => {} } },
      admin,
    );
    const seen: string[] = [];
    const names: string[] = [];
    const emails: string[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 100; round++) {
      const page = await searchEmployees(
        ctx,
        EmployeeSearch.parse({ q: word, limit: 100, cursor }),
      );
      seen.push(...page.items.map((p) => p.id));
      names.push(...page.items.map((p) => p.familyName));
      emails.push(...page.items.map((p) => p.email));
      cursor = page.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(COMMON + 3);
    expect(new Set(seen).size).toBe(seen.length);
    // The three whose mailbox is the word rank above the title matches.
    expect(emails.slice(0, 3).every((m) => m.startsWith(`${word}@`))).toBe(
      true,
    );
    const rest = names.slice(3);
    const sorted = [...rest].sort();
    expect(rest.slice(0, 50)).toEqual(sorted.slice(0, 50));
  }, 120_000);
});
