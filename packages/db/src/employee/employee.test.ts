import { randomUUID } from "node:crypto";
import {
  type Actor,
  EmployeeCreate,
  EmployeeSearch,
  type RosterError,
} from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { createDepartment } from "../department/operations.js";
import { openTestDatabase } from "../testing/index.js";
import { facetCounts } from "./facets.js";
import { getDirectReports, getEmployee, getManagerChain } from "./read.js";
import { countEmployees, searchEmployees } from "./search.js";
import { createEmployee, deleteEmployee, updateEmployee } from "./write.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
let dir: Directory;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = { db: handle.db, events: { publish: async () => {} } };
});
afterAll(() => handle.close());

const tag = randomUUID().slice(0, 8);
function person(given: string, family: string, extra: object = {}) {
  return EmployeeCreate.parse({
    email: `p${randomUUID().slice(0, 8)}.${tag}@example.com`,
    givenName: given,
    familyName: family,
    ...extra,
  });
}
const add = (input: EmployeeCreate) =>
  transact(dir, admin, (ctx) => createEmployee(ctx, input));
const search = (query: object) =>
  searchEmployees(reading(dir, admin), EmployeeSearch.parse(query));

async function failure(promise: Promise<unknown>): Promise<RosterError> {
  try {
    await promise;
  } catch (error) {
    return error as RosterError;
  }
  throw new Error("expected the operation to fail");
}

describe("employee search", () => {
  it("finds people regardless of case, accents and small typos", async () => {
    const jose = await add(person("José", "Núñez"));
    const zoe = await add(person("Zoë", "Kochhar"));
    const ivan = await add(person("Иван", "Петров"));
    const wang = await add(person("小明", "王"));
    const ids = async (q: string) =>
      (await search({ q })).items.map((e) => e.id);
    expect(await ids("jose")).toContain(jose.id);
    expect(await ids("NUNEZ")).toContain(jose.id);
    expect(await ids("ZOE")).toContain(zoe.id);
    expect(await ids("kochar")).toContain(zoe.id);
    expect(await ids("иван")).toContain(ivan.id);
    expect(await ids("ПЕТР")).toContain(ivan.id);
    expect(await ids("王")).toContain(wang.id);
  });

  it("ranks exact and prefix matches above fuzzy ones", async () => {
    const exact = await add(person("Marta", "Kowal"));
    const fuzzy = await add(person("Marto", "Kowalczyk"));
    const items = (await search({ q: "marta kowal" })).items.map((e) => e.id);
    expect(items.indexOf(exact.id)).toBeLessThan(items.indexOf(fuzzy.id));
  });

  it("finds people by a skill, and by the ue spelling of an umlaut", async () => {
    const p = await add(
      person("Jürgen", "Müller", { skills: ["Kubernetes", "Go"] }),
    );
    const ids = async (q: string) =>
      (await search({ q })).items.map((e) => e.id);
    expect(await ids("kubernetes")).toContain(p.id);
    expect(await ids("mueller")).toContain(p.id);
    expect(await ids("muller")).toContain(p.id);
  });

  it("matches phone digits however they were typed", async () => {
    const p = await add(
      person("Phone", "Person", {
        phones: [{ kind: "work", number: "+44 (0)20 7946-0958" }],
      }),
    );
    const items = (await search({ q: "7946 0958" })).items.map((e) => e.id);
    expect(items).toContain(p.id);
  });

  it("pages by cursor without repeats or gaps while rows are added", async () => {
    const dept = await transact(dir, admin, (ctx) =>
      createDepartment(ctx, { name: `Paging ${tag}` }),
    );
    for (let i = 0; i < 7; i++) {
      await add(person(`Pager${i}`, "Same", { departmentId: dept.id }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let round = 0;
    do {
      const page = await search({ department: [dept.id], limit: 3, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      // Someone sorting before the cursor arrives mid-listing.
      await add(person(`Aaron${round++}`, "Aaa", { departmentId: dept.id }));
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const count = await countEmployees(
      reading(dir, admin),
      EmployeeSearch.parse({ department: [dept.id] }),
    );
    expect(count).toBe(7 + round);
    expect(seen.length).toBeGreaterThanOrEqual(7);
  });

  it("counts facet values, each ignoring its own selection", async () => {
    const a = await transact(dir, admin, (ctx) =>
      createDepartment(ctx, { name: `Facet A ${tag}` }),
    );
    const b = await transact(dir, admin, (ctx) =>
      createDepartment(ctx, { name: `Facet B ${tag}` }),
    );
    await add(person("Fa", "One", { departmentId: a.id, skills: ["go"] }));
    await add(person("Fa", "Two", { departmentId: a.id, skills: ["go"] }));
    await add(person("Fb", "Three", { departmentId: b.id, skills: ["rust"] }));
    const facets = await facetCounts(
      reading(dir, admin),
      EmployeeSearch.parse({ department: [a.id], skill: [] }),
    );
    const count = (id: string) =>
      facets.department.find((d) => d.value === id)?.count;
    expect(count(a.id)).toBe(2);
    expect(count(b.id)).toBe(1);
    expect(facets.skill.find((s) => s.value === "go")?.count).toBe(2);
    expect(facets.skill.find((s) => s.value === "rust")).toBeUndefined();
  });

  it("refuses a cursor it did not make", async () => {
    const error = await failure(search({ cursor: "bm90LWEtY3Vyc29y" }));
    expect(error.code).toBe("invalid_input");
  });
});

describe("employee writes", () => {
  it("refuses a duplicate email in other casing and keeps the first", async () => {
    const first = await add(person("Dup", "Licate"));
    const error = await failure(
      add(
        EmployeeCreate.parse({
          email: first.email.toUpperCase(),
          givenName: "Other",
          familyName: "Person",
        }),
      ),
    );
    expect(error.code).toBe("conflict");
    expect((await getEmployee(reading(dir, admin), first.id)).givenName).toBe(
      "Dup",
    );
  });

  it("refuses a stale version and changes nothing", async () => {
    const p = await add(person("Stale", "Edit"));
    await transact(dir, admin, (ctx) =>
      updateEmployee(ctx, p.id, 1, { jobTitle: "First" }),
    );
    const error = await failure(
      transact(dir, admin, (ctx) =>
        updateEmployee(ctx, p.id, 1, { jobTitle: "Second" }),
      ),
    );
    expect(error.code).toBe("version_mismatch");
    const now = await getEmployee(reading(dir, admin), p.id);
    expect(now.jobTitle).toBe("First");
    expect(now.version).toBe(2);
  });

  it("refuses a reporting cycle", async () => {
    const top = await add(person("Top", "Boss"));
    const mid = await add(person("Mid", "Boss", { managerId: top.id }));
    const low = await add(person("Low", "Worker", { managerId: mid.id }));
    const error = await failure(
      transact(dir, admin, (ctx) =>
        updateEmployee(ctx, top.id, undefined, { managerId: low.id }),
      ),
    );
    expect(error.code).toBe("invalid_input");
    const self = await failure(
      transact(dir, admin, (ctx) =>
        updateEmployee(ctx, top.id, undefined, { managerId: top.id }),
      ),
    );
    expect(self.code).toBe("invalid_input");
    const chain = await getManagerChain(reading(dir, admin), low.id);
    expect(chain.map((c) => c.id)).toEqual([top.id, mid.id]);
    const reports = await getDirectReports(reading(dir, admin), top.id);
    expect(reports).toMatchObject([
      { id: mid.id, directReportCount: 1, totalReportCount: 1 },
    ]);
  });

  it("lets at most one of two crossing manager changes win", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await add(person("Cross", `A${round}`));
      const b = await add(person("Cross", `B${round}`));
      const results = await Promise.allSettled([
        transact(dir, admin, (ctx) =>
          updateEmployee(ctx, a.id, undefined, { managerId: b.id }),
        ),
        transact(dir, admin, (ctx) =>
          updateEmployee(ctx, b.id, undefined, { managerId: a.id }),
        ),
        transact(dir, admin, (ctx) => deleteEmployee(ctx, b.id)),
      ]);
      for (const r of results) {
        if (r.status === "rejected") {
          expect((r.reason as RosterError).code).toMatch(
            /^(invalid_input|not_found)$/,
          );
        }
      }
      const wins = results.slice(0, 2).filter((r) => r.status === "fulfilled");
      expect(wins.length).toBeLessThanOrEqual(1);
    }
  });

  it("refuses a cycle through a chain of any depth", async () => {
    const chain = [await add(person("Deep", "Top"))];
    for (let i = 1; i < 80; i++) {
      const above = chain[i - 1];
      chain.push(
        await add(person(`Deep${i}`, "Line", { managerId: above?.id })),
      );
    }
    const [top, bottom] = [chain[0], chain.at(-1)];
    if (!top || !bottom) throw new Error("no chain");
    const error = await failure(
      transact(dir, admin, (ctx) =>
        updateEmployee(ctx, top.id, undefined, { managerId: bottom.id }),
      ),
    );
    expect(error.code).toBe("invalid_input");
    const line = await getManagerChain(reading(dir, admin), bottom.id);
    expect(line).toHaveLength(79);
    const reports = await getDirectReports(reading(dir, admin), top.id);
    expect(reports[0]?.totalReportCount).toBe(78);
  });

  it("moves a removed manager's reports up to their manager", async () => {
    const top = await add(person("Keep", "Top"));
    const mid = await add(person("Gone", "Mid", { managerId: top.id }));
    const low = await add(person("Stay", "Low", { managerId: mid.id }));
    const events: string[] = [];
    const spy: Directory = {
      db: handle.db,
      events: {
        publish: async (es) => void events.push(...es.map((e) => e.type)),
      },
    };
    await transact(spy, admin, (ctx) => deleteEmployee(ctx, mid.id));
    const moved = await getEmployee(reading(dir, admin), low.id);
    expect(moved.manager?.id).toBe(top.id);
    expect(events).toEqual(["employee.updated", "employee.deleted"]);
  });

  it("lets an employee edit only their own self-service fields", async () => {
    const me = await add(person("Self", "Service"));
    const other = await add(person("Some", "One"));
    const actor: Actor = { id: me.id, role: "employee" };
    const updated = await transact(dir, actor, (ctx) =>
      updateEmployee(ctx, me.id, me.version, { pronouns: "they/them" }),
    );
    expect(updated.pronouns).toBe("they/them");
    const title = await failure(
      transact(dir, actor, (ctx) =>
        updateEmployee(ctx, me.id, undefined, { jobTitle: "CEO" }),
      ),
    );
    expect(title.code).toBe("forbidden");
    const theirs = await failure(
      transact(dir, actor, (ctx) =>
        updateEmployee(ctx, other.id, undefined, { bio: "hi" }),
      ),
    );
    expect(theirs.code).toBe("forbidden");
  });

  it("publishes nothing when the transaction rolls back", async () => {
    const events: unknown[] = [];
    const spy: Directory = {
      db: handle.db,
      events: { publish: async (es) => void events.push(...es) },
    };
    const p = person("Rolled", "Back");
    await failure(
      transact(spy, admin, async (ctx) => {
        await createEmployee(ctx, p);
        throw new Error("boom");
      }),
    );
    expect(events).toEqual([]);
    const found = await search({ q: p.email });
    expect(found.items.map((e) => e.email)).not.toContain(p.email);
  });
});
