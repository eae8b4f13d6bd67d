import { randomUUID } from "node:crypto";
import {
  type Actor,
  type DomainEvent,
  EmployeeCreate,
  EmployeeSearch,
} from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../audit/read.js";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { createDepartment } from "../department/operations.js";
import { findPgError } from "../errors.js";
import { switchEmployeePhoto } from "../photo/switch.js";
import { openTestDatabase } from "../testing/index.js";
import { getEmployee } from "./read.js";
import { searchEmployees } from "./search.js";
import { createEmployee, deleteEmployee, updateEmployee } from "./write.js";

const system: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
let dir: Directory;
const events: DomainEvent[] = [];

// In one department: the subject, a colleague and their manager; an
// outsider elsewhere; HR; and an admin.
let subject: Actor;
let colleague: Actor;
let outsider: Actor;
let hr: Actor;
let otherAdmin: Actor;

const tag = randomUUID().slice(0, 8);
function person(given: string, extra: object = {}) {
  return EmployeeCreate.parse({
    email: `${given.toLowerCase()}.${tag}@example.com`,
    givenName: given,
    familyName: "Privacy",
    ...extra,
  });
}
const add = async (input: EmployeeCreate): Promise<Actor> => {
  const e = await transact(dir, system, (ctx) => createEmployee(ctx, input));
  return { id: e.id, role: e.role };
};
const view = (as: Actor, id: string) => getEmployee(reading(dir, as), id);

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = {
    db: handle.db,
    events: { publish: async (es) => void events.push(...es) },
  };
  const eng = await transact(dir, system, (ctx) =>
    createDepartment(ctx, { name: `Engineering ${tag}` }),
  );
  const sales = await transact(dir, system, (ctx) =>
    createDepartment(ctx, { name: `Sales ${tag}` }),
  );
  subject = await add(
    person("Sam", {
      departmentId: eng.id,
      personalPhone: "+44 7700 900123",
      birthday: "03-14",
      pronouns: "they/them",
      startDate: "2020-02-03",
    }),
  );
  colleague = await add(person("Cleo", { departmentId: eng.id }));
  outsider = await add(person("Otto", { departmentId: sales.id }));
  hr = await add(person("Hana", { role: "hr" }));
  otherAdmin = await add(person("Ada", { role: "admin" }));
});
afterAll(() => handle.close());

describe("field visibility", () => {
  it("shows the owner and HR everything", async () => {
    for (const as of [subject, hr]) {
      const seen = await view(as, subject.id);
      expect(seen).toMatchObject({
        personalPhone: "+44 7700 900123",
        birthday: "03-14",
        startDate: "2020-02-03",
        hiddenFields: [],
      });
      expect(seen.privacy).toEqual({});
    }
  });

  it("keeps the personal phone from colleagues by default", async () => {
    const seen = await view(colleague, subject.id);
    expect(seen).toMatchObject({
      personalPhone: null,
      birthday: "03-14",
      startDate: "2020-02-03",
      pronouns: "they/them",
      privacy: null,
      hiddenFields: ["personalPhone", "photoFaces"],
    });
  });

  it("shows someone elsewhere only what is for everyone", async () => {
    const seen = await view(outsider, subject.id);
    expect(seen.hiddenFields.sort()).toEqual(
      ["birthday", "personalPhone", "startDate", "photoFaces"].sort(),
    );
    expect(seen.birthday).toBeNull();
    expect(seen.jobTitle).toBeNull();
    expect(seen.pronouns).toBe("they/them");
  });

  it("tells only the owner and HR what was found in the photo", async () => {
    await transact(dir, subject, (ctx) =>
      switchEmployeePhoto(ctx, subject.id, `${subject.id}/set`, "several"),
    );
    for (const as of [subject, hr]) {
      expect((await view(as, subject.id)).photoFaces).toBe("several");
    }
    for (const as of [colleague, outsider]) {
      const seen = await view(as, subject.id);
      expect(seen.photoKey).toBe(`${subject.id}/set`);
      expect(seen.photoFaces).toBeNull();
      expect(seen.hiddenFields).toContain("photoFaces");
    }
  });

  it("follows the owner's choices, and only the owner's", async () => {
    const before = await view(subject, subject.id);
    await transact(dir, subject, (ctx) =>
      updateEmployee(ctx, subject.id, before.version, {
        privacy: { personalPhone: "colleagues", pronouns: "hr_and_self" },
      }),
    );
    expect((await view(colleague, subject.id)).personalPhone).toBe(
      "+44 7700 900123",
    );
    expect((await view(outsider, subject.id)).pronouns).toBeNull();
    await expect(
      transact(dir, colleague, (ctx) =>
        updateEmployee(ctx, subject.id, undefined, { privacy: {} }),
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lists others with only what everyone may see", async () => {
    const page = await searchEmployees(
      reading(dir, colleague),
      EmployeeSearch.parse({ q: "Sam Privacy" }),
    );
    const listed = page.items.find((e) => e.id === subject.id);
    expect(listed?.personalPhone).toBeNull();
    expect(listed?.birthday).toBeNull();
    const own = await searchEmployees(
      reading(dir, subject),
      EmployeeSearch.parse({ q: "Sam Privacy" }),
    );
    expect(own.items.find((e) => e.id === subject.id)?.birthday).toBe("03-14");
  });

  it("never names a private field in an event", async () => {
    const current = await view(subject, subject.id);
    events.length = 0;
    await transact(dir, subject, (ctx) =>
      updateEmployee(ctx, subject.id, current.version, {
        personalPhone: "+44 7700 900999",
        bio: "Hello",
      }),
    );
    expect(events).toEqual([
      expect.objectContaining({ type: "employee.updated", fields: ["bio"] }),
    ]);
  });
});

describe("who may change whom", () => {
  it("lets an employee change their own private fields", async () => {
    const current = await view(colleague, colleague.id);
    const saved = await transact(dir, colleague, (ctx) =>
      updateEmployee(ctx, colleague.id, current.version, {
        birthday: "02-29",
        personalPhone: "01234 567890",
      }),
    );
    expect(saved.birthday).toBe("02-29");
  });

  it("refuses HR changing or removing an admin", async () => {
    await expect(
      transact(dir, hr, (ctx) =>
        updateEmployee(ctx, otherAdmin.id, undefined, { jobTitle: "x" }),
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      transact(dir, hr, (ctx) => deleteEmployee(ctx, otherAdmin.id)),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the audit trail", () => {
  it("records who changed what, before and after, in the same change", async () => {
    const current = await view(hr, outsider.id);
    await transact(
      dir,
      { ...hr, via: { channel: "web", requestId: "r-1" } },
      (ctx) =>
        updateEmployee(ctx, outsider.id, current.version, {
          jobTitle: "Account executive",
        }),
    );
    const { items } = await listAudit(reading(dir, hr), {
      subject: outsider.id,
    });
    expect(items[0]).toMatchObject({
      action: "employee.updated",
      actorId: hr.id,
      actorRole: "hr",
      channel: "web",
      requestId: "r-1",
      changes: [
        { field: "jobTitle", before: null, after: "Account executive" },
      ],
    });
    expect(items[0]?.actorLabel).toContain("Hana Privacy");
    expect(items.at(-1)?.action).toBe("employee.created");
  });

  it("writes nothing for the same choices in another order", async () => {
    const set = async (privacy: object) => {
      const current = await view(outsider, outsider.id);
      await transact(dir, outsider, (ctx) =>
        updateEmployee(ctx, outsider.id, current.version, { privacy }),
      );
    };
    await set({ birthday: "everyone", pronouns: "colleagues" });
    const before = await listAudit(reading(dir, hr), { subject: outsider.id });
    await set({ pronouns: "colleagues", birthday: "everyone" });
    const after = await listAudit(reading(dir, hr), { subject: outsider.id });
    expect(after.items).toHaveLength(before.items.length);
  });

  it("writes nothing when the change is refused", async () => {
    const before = await listAudit(reading(dir, hr), {
      subject: otherAdmin.id,
    });
    await expect(
      transact(dir, hr, (ctx) =>
        updateEmployee(ctx, otherAdmin.id, undefined, { jobTitle: "x" }),
      ),
    ).rejects.toThrow();
    const after = await listAudit(reading(dir, hr), { subject: otherAdmin.id });
    expect(after.items).toHaveLength(before.items.length);
  });

  it("keeps a removed person's history", async () => {
    const gone = await add(person("Gus"));
    await transact(dir, hr, (ctx) => deleteEmployee(ctx, gone.id));
    const { items } = await listAudit(reading(dir, hr), { subject: gone.id });
    expect(items.map((i) => i.action)).toEqual([
      "employee.deleted",
      "employee.created",
    ]);
    expect(items[0]?.subjectLabel).toContain("Gus Privacy");
    expect(items[0]?.changes).toEqual(
      expect.arrayContaining([
        { field: "givenName", before: "Gus", after: null },
      ]),
    );
  });

  it("is readable by HR, and by each person for their own profile", async () => {
    await expect(
      listAudit(reading(dir, colleague), { subject: subject.id }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAudit(reading(dir, colleague), {})).rejects.toMatchObject({
      code: "forbidden",
    });
    const own = await listAudit(reading(dir, subject), { subject: subject.id });
    expect(own.items.length).toBeGreaterThan(0);
  });

  it("searches by name and pages newest first", async () => {
    const first = await listAudit(reading(dir, hr), { q: "privacy", limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAudit(reading(dir, hr), {
      q: "privacy",
      limit: 2,
      cursor: first.nextCursor ?? "",
    });
    expect(Number(second.items[0]?.id)).toBeLessThan(
      Number(first.items[1]?.id),
    );
  });

  it("refuses to be edited or emptied", async () => {
    for (const statement of [
      "update audit_log set action = 'x'",
      "delete from audit_log",
    ]) {
      const error = await handle.db.execute(statement).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(findPgError(error)?.message).toMatch(/append-only/);
    }
  });
});
