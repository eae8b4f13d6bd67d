import { randomUUID } from "node:crypto";
import { type Actor, EmployeeCreate, LocationCreate } from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { createDepartment } from "../department/operations.js";
import { deactivateEmployee } from "../employee/deactivate.js";
import { getEmployee } from "../employee/read.js";
import {
  createEmployee,
  deleteEmployee,
  updateEmployee,
} from "../employee/write.js";
import { createLocation } from "../location/operations.js";
import { openTestDatabase } from "../testing/index.js";
import { listAudit } from "./read.js";
import { auditLog } from "./table.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
let dir: Directory;

const tag = randomUUID().slice(0, 8);
const add = (given: string, family: string, extra: object = {}) =>
  transact(dir, admin, (ctx) =>
    createEmployee(
      ctx,
      EmployeeCreate.parse({
        email: `${given.toLowerCase()}.${tag}@example.com`,
        givenName: given,
        familyName: family,
        ...extra,
      }),
    ),
  );
const department = (name: string) =>
  transact(dir, admin, (ctx) =>
    createDepartment(ctx, { name: `${name} ${tag}` }),
  );
const office = (name: string) =>
  transact(dir, admin, (ctx) =>
    createLocation(ctx, LocationCreate.parse({ name: `${name} ${tag}` })),
  );
const update = async (id: string, patch: Record<string, unknown>) => {
  const current = await transact(dir, admin, (ctx) => getEmployee(ctx, id));
  return transact(dir, admin, (ctx) =>
    updateEmployee(ctx, id, current.version, patch),
  );
};

let ids: Record<
  "king" | "kochhar" | "gone" | "left" | "sam" | "exec" | "it" | "ldn" | "sea",
  string
>;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = { db: handle.db, events: { publish: async () => {} } };
  const [exec, it, ldn, sea] = [
    (await department("Executive")).id,
    (await department("IT")).id,
    (await office("London")).id,
    (await office("Seattle")).id,
  ];
  const king = (await add("Steven", "King")).id;
  const kochhar = (await add("Neena", "Kochhar", { preferredName: "Nina" })).id;
  const gone = (await add("Gus", "Gone")).id;
  const left = (await add("Lex", "Left")).id;
  const sam = (
    await add("Sam", "Subject", { departmentId: exec, locationId: ldn })
  ).id;
  ids = { king, kochhar, gone, left, sam, exec, it, ldn, sea };
  await update(sam, { managerId: king, departmentId: it, locationId: sea });
  await update(sam, { managerId: gone });
  await update(sam, { managerId: left });
  await transact(dir, admin, (ctx) => deleteEmployee(ctx, gone));
  await transact(dir, admin, (ctx) => deactivateEmployee(ctx, left));
});
afterAll(() => handle.close());

describe("reading the trail", () => {
  it("names the managers, departments and offices its changes refer to", async () => {
    const page = await listAudit(reading(dir, admin), { subject: ids.sam });
    const first = page.items.find((i) =>
      i.changes.some((c) => c.field === "departmentId" && c.before !== null),
    );
    // The stored values stay the ids; the names come beside them.
    expect(first?.changes).toEqual(
      expect.arrayContaining([
        { field: "managerId", before: null, after: ids.king },
        { field: "departmentId", before: ids.exec, after: ids.it },
        { field: "locationId", before: ids.ldn, after: ids.sea },
      ]),
    );
    expect(page.names).toMatchObject({
      [ids.king]: "Steven King",
      [ids.exec]: `Executive ${tag}`,
      [ids.it]: `IT ${tag}`,
      [ids.ldn]: `London ${tag}`,
      [ids.sea]: `Seattle ${tag}`,
    });
  });

  it("maps someone removed to null, and names nothing else", async () => {
    const page = await listAudit(reading(dir, admin), { subject: ids.sam });
    expect(page.names[ids.gone]).toBeNull();
    expect(Object.keys(page.names).sort()).toEqual(
      [ids.king, ids.gone, ids.left, ids.exec, ids.it, ids.ldn, ids.sea].sort(),
    );
  });

  it("names someone who left to HR and admins, not to the person", async () => {
    const staff = await listAudit(reading(dir, admin), { subject: ids.sam });
    expect(staff.names[ids.left]).toBe("Lex Left");
    const own = await listAudit(
      reading(dir, { id: ids.sam, role: "employee" }),
      { subject: ids.sam },
    );
    expect(own.names[ids.left]).toBeNull();
    expect(own.names[ids.king]).toBe("Steven King");
  });

  it("names only what is on the page", async () => {
    const page = await listAudit(reading(dir, admin), {
      subject: ids.sam,
      limit: 1,
    });
    // The newest entry is the change to the manager who left.
    expect(page.names).toEqual({ [ids.gone]: null, [ids.left]: "Lex Left" });
  });

  it("uses a preferred name, and ignores values that are not ids", async () => {
    await transact(dir, admin, (ctx) =>
      ctx.tx.insert(auditLog).values({
        actorRole: "admin",
        channel: "system",
        action: "employee.updated",
        subjectId: ids.sam,
        subjectLabel: "Sam Subject",
        changes: [
          { field: "managerId", before: "not-an-id", after: ids.kochhar },
          { field: "departmentId", before: 42, after: null },
          { field: "jobTitle", before: ids.king, after: null },
        ],
      }),
    );
    const page = await listAudit(reading(dir, admin), {
      subject: ids.sam,
      limit: 1,
    });
    expect(page.names).toEqual({ [ids.kochhar]: "Nina Kochhar" });
  });
});
