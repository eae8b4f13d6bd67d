import { randomUUID } from "node:crypto";
import {
  type Actor,
  type DomainEvent,
  EmployeeCreate,
  EmployeeSearch,
  type RosterError,
} from "@roster/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../audit/table.js";
import { createSession, findSession } from "../auth/sessions.js";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { createDepartment } from "../department/operations.js";
import { openTestDatabase } from "../testing/index.js";
import { deactivateEmployee, reactivateEmployee } from "./deactivate.js";
import { facetCounts } from "./facets.js";
import {
  findActor,
  getDirectReports,
  getEmployee,
  getManagerChain,
} from "./read.js";
import { countEmployees, searchEmployees } from "./search.js";
import { createEmployee } from "./write.js";

const hr: Actor = { id: randomUUID(), role: "hr", via: { channel: "web" } };
let handle: DatabaseHandle;
let dir: Directory;
const events: DomainEvent[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = {
    db: handle.db,
    events: { publish: async (es) => void events.push(...es) },
  };
});
afterAll(() => handle.close());

const tag = randomUUID().slice(0, 8);
const add = (given: string, family: string, extra: object = {}) =>
  transact(dir, hr, (ctx) =>
    createEmployee(
      ctx,
      EmployeeCreate.parse({
        email: `d${randomUUID().slice(0, 8)}.${tag}@example.com`,
        givenName: given,
        familyName: family,
        ...extra,
      }),
    ),
  );
const deactivate = (id: string, as: Actor = hr, version?: number) =>
  transact(dir, as, (ctx) => deactivateEmployee(ctx, id, version));
const reactivate = (id: string) =>
  transact(dir, hr, (ctx) => reactivateEmployee(ctx, id));

async function failure(promise: Promise<unknown>): Promise<RosterError> {
  try {
    await promise;
  } catch (error) {
    return error as RosterError;
  }
  throw new Error("expected the operation to fail");
}

describe("deactivating a person", () => {
  it("takes them out of search, counts, facets and org views", async () => {
    const dept = await transact(dir, hr, (ctx) =>
      createDepartment(ctx, { name: `Leavers ${tag}` }),
    );
    const boss = await add("Boss", `Quintero${tag}`, { departmentId: dept.id });
    const leaver = await add("Leaving", `Quintero${tag}`, {
      departmentId: dept.id,
      managerId: boss.id,
    });
    const report = await add("Staying", `Quintero${tag}`, {
      departmentId: dept.id,
      managerId: leaver.id,
    });
    const ctx = reading(dir, hr);
    const byQuery = EmployeeSearch.parse({ q: `quintero${tag}` });
    const byDept = EmployeeSearch.parse({ department: [dept.id] });
    const ids = async (search: EmployeeSearch) =>
      (await searchEmployees(ctx, search)).items.map((e) => e.id);
    expect(await ids(byQuery)).toContain(leaver.id);

    await deactivate(leaver.id);

    expect(await ids(byQuery)).toEqual(expect.not.arrayContaining([leaver.id]));
    expect(await ids(byQuery)).toContain(report.id);
    expect(await ids(byDept)).not.toContain(leaver.id);
    expect(await countEmployees(ctx, byDept)).toBe(2);
    const facets = await facetCounts(ctx, byQuery);
    expect(facets.department.find((d) => d.value === dept.id)?.count).toBe(2);
    expect(await getDirectReports(ctx, boss.id)).toEqual([]);
    const chain = await getManagerChain(ctx, report.id);
    expect(chain.map((p) => p.id)).toEqual([boss.id]);
    // The report stays linked to the person who left.
    expect((await getEmployee(ctx, report.id)).manager?.id).toBe(leaver.id);
  });

  it("hides the profile from employees and flags it for HR", async () => {
    const p = await add("Hidden", "Profile");
    const gone = await deactivate(p.id);
    expect(gone.deactivatedAt).toEqual(expect.any(String));
    expect(gone.version).toBe(p.version + 1);
    const colleague: Actor = { id: randomUUID(), role: "employee" };
    const error = await failure(getEmployee(reading(dir, colleague), p.id));
    expect(error.code).toBe("not_found");
    const asHr = await getEmployee(reading(dir, hr), p.id);
    expect(asHr.deactivatedAt).toBe(gone.deactivatedAt);
    expect(await findActor(reading(dir, hr), { id: p.id })).toBeUndefined();
  });

  it("ends their sessions, records the audit trail and tells listeners", async () => {
    const p = await add("Signed", "In");
    const { token } = await createSession(handle.db, {
      employeeId: p.id,
      subject: "idp|signed-in",
    });
    events.length = 0;
    await deactivate(p.id);
    expect(await findSession(handle.db, token)).toBeUndefined();
    expect(events).toEqual([
      { type: "employee.updated", id: p.id, version: 2, fields: ["active"] },
    ]);
    const trail = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, p.id));
    expect(trail.map((t) => t.action)).toEqual([
      "employee.created",
      "employee.deactivated",
    ]);
    expect(trail[1]).toMatchObject({
      actorId: hr.id,
      channel: "web",
      changes: [{ field: "active", before: true, after: false }],
    });
  });

  it("does nothing the second time, then reactivates", async () => {
    const p = await add("Twice", "Over");
    await deactivate(p.id);
    events.length = 0;
    const again = await deactivate(p.id);
    expect(again.version).toBe(2);
    expect(events).toEqual([]);
    const back = await reactivate(p.id);
    expect(back.deactivatedAt).toBeNull();
    expect(events.map((e) => e.type)).toEqual(["employee.updated"]);
    const found = await searchEmployees(
      reading(dir, hr),
      EmployeeSearch.parse({ q: p.email }),
    );
    expect(found.items.map((e) => e.id)).toContain(p.id);
  });

  it("is refused to employees, to oneself and against a stale version", async () => {
    const p = await add("Protected", "Person");
    const employee: Actor = { id: randomUUID(), role: "employee" };
    expect((await failure(deactivate(p.id, employee))).code).toBe("forbidden");
    const self: Actor = { id: p.id, role: "hr" };
    expect((await failure(deactivate(p.id, self))).code).toBe("forbidden");
    expect((await failure(deactivate(p.id, hr, 7))).code).toBe(
      "version_mismatch",
    );
    expect((await failure(deactivate(randomUUID()))).code).toBe("not_found");
    expect(
      (await getEmployee(reading(dir, hr), p.id)).deactivatedAt,
    ).toBeNull();
  });
});

describe("deactivating admins", () => {
  const admin = (id: string): Actor => ({ id, role: "admin" });
  const addAdmin = (given: string) =>
    transact(dir, { id: randomUUID(), role: "admin" }, (ctx) =>
      createEmployee(
        ctx,
        EmployeeCreate.parse({
          email: `a${randomUUID().slice(0, 8)}.${tag}@example.com`,
          givenName: given,
          familyName: "Admin",
          role: "admin",
        }),
      ),
    );

  it("leaves admins to admins and to the identity provider", async () => {
    const first = await addAdmin("First");
    const second = await addAdmin("Second");
    expect((await failure(deactivate(second.id, hr))).code).toBe("forbidden");
    const scim: Actor = {
      id: randomUUID(),
      role: "hr",
      via: { channel: "scim" },
    };
    await deactivate(second.id, scim);
    await transact(dir, scim, (ctx) => reactivateEmployee(ctx, second.id));
    await deactivate(second.id, admin(first.id));
    await transact(dir, admin(first.id), (ctx) =>
      reactivateEmployee(ctx, second.id),
    );
  });

  it("keeps the last active admin", async () => {
    const rows = await handle.db.execute(
      "select id from employees where role = 'admin' and deactivated_at is null",
    );
    const ids = ((rows as { rows?: { id: string }[] }).rows ?? rows) as {
      id: string;
    }[];
    const scim: Actor = {
      id: randomUUID(),
      role: "hr",
      via: { channel: "scim" },
    };
    // Deactivate all but one, then the last one is refused.
    for (const { id } of ids.slice(1)) await deactivate(id, scim);
    const last = ids[0]?.id ?? "";
    const refused = await failure(deactivate(last, scim));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toMatch(/last active admin/);
    expect(
      (await getEmployee(reading(dir, hr), last)).deactivatedAt,
    ).toBeNull();
  });
});
