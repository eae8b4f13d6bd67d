import { randomUUID } from "node:crypto";
import type { DomainEvent, Role } from "@roster/core";
import { switchEmployeePhoto, transact } from "@roster/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, openTestApp } from "./test-app.js";

/**
 * The authorisation matrix: who (by role, and by how they stand to the
 * person) may do what through the API, and which fields they see. One
 * row per case; the policy module decides, this table checks it holds at
 * the edge.
 */

type Who = "employee" | "colleague" | "outsider" | "hr" | "admin";
type Subject = "self" | "person" | "admin";

let t: Awaited<ReturnType<typeof openTestApp>>;
const ids = {} as Record<Who | "person" | "adminTarget", string>;
const tag = randomUUID().slice(0, 6);

async function call(
  who: Who,
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
) {
  const res = await t.app.request(path, {
    method,
    headers: jsonHeaders({ "x-roster-act-as": ids[who], ...extra }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function make(name: string, fields: Record<string, unknown>) {
  const res = await t.app.request("/api/employees", {
    method: "POST",
    headers: jsonHeaders(),
    body: JSON.stringify({
      email: `${name}.${tag}@example.com`,
      givenName: name,
      familyName: "Matrix",
      ...fields,
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  t = await openTestApp();
  const dept = async (name: string) => {
    const res = await t.app.request("/api/departments", {
      method: "POST",
      headers: jsonHeaders(),
      body: JSON.stringify({ name: `${name} ${tag}` }),
    });
    return ((await res.json()) as { id: string }).id;
  };
  const eng = await dept("Engineering");
  const sales = await dept("Sales");
  ids.person = await make("Pat", {
    departmentId: eng,
    personalPhone: "+1 555 0100",
    birthday: "07-04",
    startDate: "2021-05-01",
  });
  ids.employee = await make("Eve", { departmentId: sales });
  ids.colleague = await make("Col", { departmentId: eng });
  ids.outsider = await make("Out", { departmentId: sales });
  ids.hr = await make("Hal", { role: "hr" });
  ids.admin = await make("Ada", { role: "admin" });
  ids.adminTarget = await make("Adm", { role: "admin" });
});
afterAll(() => t.close());

function target(who: Who, subject: Subject): string {
  if (subject === "self") return ids[who];
  return subject === "admin" ? ids.adminTarget : ids.person;
}

async function version(id: string): Promise<number> {
  const res = await t.app.request(`/api/employees/${id}`, {
    headers: jsonHeaders(),
  });
  return ((await res.json()) as { version: number }).version;
}

describe("reading a profile, field by field", () => {
  const rows: [Who, string, boolean][] = [
    ["hr", "personalPhone", true],
    ["admin", "personalPhone", true],
    ["colleague", "personalPhone", false],
    ["outsider", "personalPhone", false],
    ["colleague", "birthday", true],
    ["outsider", "birthday", false],
    ["colleague", "startDate", true],
    ["outsider", "startDate", false],
    ["outsider", "email", true],
    ["outsider", "jobTitle", true],
  ];
  it.each(rows)("%s sees %s: %s", async (who, field, visible) => {
    const { status, body } = await call(
      who,
      "GET",
      `/api/employees/${ids.person}`,
    );
    expect(status).toBe(200);
    if (visible) {
      expect(body.hiddenFields).not.toContain(field);
    } else {
      expect(body[field]).toBeNull();
      expect(body.hiddenFields).toContain(field);
    }
  });

  it.each(["colleague", "outsider"] as const)(
    "%s never sees the privacy choices",
    async (who) => {
      const { body } = await call(who, "GET", `/api/employees/${ids.person}`);
      expect(body.privacy).toBeNull();
    },
  );

  it.each(["employee", "colleague", "outsider"] as const)(
    "%s gets private fields nowhere in a list",
    async (who) => {
      const { body } = await call(who, "GET", `/api/employees?q=Pat%20Matrix`);
      const pat = body.items.find((e: { id: string }) => e.id === ids.person);
      expect(pat.personalPhone).toBeNull();
      expect(pat.birthday).toBeNull();
    },
  );
});

describe("the photo's face finding", () => {
  beforeAll(async () => {
    const pat = { id: ids.person, role: "employee" } as const;
    await transact(t.directory, pat, (ctx) =>
      switchEmployeePhoto(ctx, pat.id, `${pat.id}/${randomUUID()}`, "none"),
    );
  });

  const asPat = () => ({ "x-roster-act-as": ids.person });
  it("is told to the person themself", async () => {
    const res = await t.app.request(`/api/employees/${ids.person}`, {
      headers: jsonHeaders(asPat()),
    });
    expect(((await res.json()) as { photoFaces: string }).photoFaces).toBe(
      "none",
    );
  });

  const rows: [Who, boolean][] = [
    ["hr", true],
    ["admin", true],
    ["colleague", false],
    ["outsider", false],
  ];
  it.each(rows)("%s sees it: %s", async (who, visible) => {
    const { body } = await call(who, "GET", `/api/employees/${ids.person}`);
    expect(body.photoKey).toMatch(new RegExp(`^${ids.person}/`));
    expect(body.photoFaces).toBe(visible ? "none" : null);
    expect(body.hiddenFields.includes("photoFaces")).toBe(!visible);
  });

  it("is in no list another employee reads", async () => {
    const { body } = await call("colleague", "GET", "/api/employees?q=Pat");
    const pat = body.items.find((e: { id: string }) => e.id === ids.person);
    expect(pat.photoFaces).toBeNull();
  });
});

describe("changing people", () => {
  // [who, subject, body, expected status]
  const rows: [Who, Subject, Record<string, unknown>, number][] = [
    ["employee", "self", { bio: "mine" }, 200],
    ["employee", "self", { personalPhone: "+1 555 0199" }, 200],
    ["employee", "self", { privacy: { birthday: "everyone" } }, 200],
    ["employee", "self", { jobTitle: "Chief" }, 403],
    ["employee", "self", { role: "admin" }, 403],
    ["employee", "person", { bio: "theirs" }, 403],
    ["colleague", "person", { bio: "theirs" }, 403],
    ["hr", "person", { jobTitle: "Lead" }, 200],
    ["hr", "person", { privacy: { birthday: "everyone" } }, 403],
    ["hr", "person", { role: "hr" }, 403],
    ["hr", "admin", { jobTitle: "Lead" }, 403],
    ["admin", "admin", { jobTitle: "Lead" }, 200],
    ["admin", "person", { role: "employee" }, 200],
    ["admin", "person", { privacy: {} }, 403],
  ];
  it.each(rows)("%s PATCH %s %j → %i", async (who, subject, patch, status) => {
    const id = target(who, subject);
    const res = await call(who, "PATCH", `/api/employees/${id}`, patch, {
      "if-match": `"${await version(id)}"`,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 403) expect(res.body.code).toBe("forbidden");
  });

  const creates: [Who, Role, number][] = [
    ["employee", "employee", 403],
    ["hr", "employee", 201],
    ["hr", "admin", 403],
    ["admin", "hr", 201],
  ];
  it.each(creates)(
    "%s adds a person with role %s → %i",
    async (who, role, status) => {
      const res = await call(who, "POST", "/api/employees", {
        email: `new.${randomUUID().slice(0, 8)}@example.com`,
        givenName: "New",
        familyName: "Person",
        role,
      });
      expect(res.status).toBe(status);
    },
  );

  const removals: [Who, "self" | "fresh" | "admin", number][] = [
    ["employee", "fresh", 403],
    ["hr", "self", 403],
    ["hr", "admin", 403],
    ["hr", "fresh", 204],
    ["admin", "fresh", 204],
  ];
  it.each(removals)("%s removes %s → %i", async (who, subject, status) => {
    const id =
      subject === "self"
        ? ids[who]
        : subject === "admin"
          ? ids.adminTarget
          : await make(`Del${randomUUID().slice(0, 4)}`, {});
    const res = await call(who, "DELETE", `/api/employees/${id}`, undefined, {
      "if-match": `"${await version(id)}"`,
    });
    expect(res.status).toBe(status);
  });
});

describe("the rest of the API", () => {
  const rows: [Who, string, string, unknown, number][] = [
    ["employee", "GET", "/api/me", undefined, 200],
    ["employee", "GET", "/api/audit", undefined, 403],
    ["hr", "GET", "/api/audit", undefined, 200],
    ["admin", "GET", "/api/audit", undefined, 200],
    ["employee", "POST", "/api/departments", { name: `D ${tag} e` }, 403],
    ["hr", "POST", "/api/departments", { name: `D ${tag} h` }, 201],
    ["employee", "POST", "/api/realtime/tickets", undefined, 201],
    ["employee", "GET", "/api/admin/scim-tokens", undefined, 403],
    ["hr", "GET", "/api/admin/scim-tokens", undefined, 403],
    ["admin", "GET", "/api/admin/scim-tokens", undefined, 200],
    ["hr", "POST", "/api/admin/scim-tokens", { name: `IdP ${tag}` }, 403],
  ];
  it.each(rows)("%s %s %s → %i", async (who, method, path, body, status) => {
    expect((await call(who, method, path, body)).status).toBe(status);
  });

  const history: [Who, Subject, number][] = [
    ["employee", "self", 200],
    ["colleague", "person", 403],
    ["hr", "person", 200],
    ["admin", "person", 200],
  ];
  it.each(history)(
    "%s reads the history of %s → %i",
    async (who, subject, status) => {
      const id = target(who, subject);
      expect(
        (await call(who, "GET", `/api/employees/${id}/history`)).status,
      ).toBe(status);
    },
  );
});

describe("deactivating people", () => {
  const rows: [Who, "person" | "admin" | "self", number][] = [
    ["employee", "person", 403],
    ["colleague", "person", 403],
    ["hr", "self", 403],
    ["hr", "admin", 403],
  ];
  it.each(rows)("%s deactivates %s → %i", async (who, subject, status) => {
    const id = target(who, subject);
    const res = await call(who, "POST", `/api/employees/${id}/deactivate`);
    expect(res.status).toBe(status);
  });

  it.each(["hr", "admin"] as const)(
    "%s deactivates and reactivates a person",
    async (who) => {
      const id = await make(`Act${randomUUID().slice(0, 4)}`, {});
      expect(
        (await call(who, "POST", `/api/employees/${id}/deactivate`)).status,
      ).toBe(200);
      expect(
        (await call("employee", "GET", `/api/employees/${id}`)).status,
      ).toBe(404);
      expect(
        (await call(who, "POST", `/api/employees/${id}/reactivate`)).status,
      ).toBe(200);
    },
  );
});

describe("vCards", () => {
  it.each<[Who, boolean]>([
    ["outsider", false],
    ["colleague", false],
    ["hr", true],
  ])("%s gets the personal phone in a vCard: %s", async (who, shown) => {
    const res = await t.app.request(`/api/employees/${ids.person}/vcard`, {
      headers: { "x-roster-act-as": ids[who] },
    });
    expect(res.status).toBe(200);
    const card = await res.text();
    expect(card.includes("TYPE=home:+1 555 01")).toBe(shown);
    expect(card.includes("BDAY:--")).toBe(who !== "outsider");
  });
});

describe("events", () => {
  it("carry no private field names, whatever changed", async () => {
    t.events.length = 0;
    const id = ids.person;
    await call(
      "hr",
      "PATCH",
      `/api/employees/${id}`,
      {
        personalPhone: "+1 555 0111",
        birthday: "12-24",
        startDate: "2021-06-01",
        bio: "Updated",
      },
      { "if-match": `"${await version(id)}"` },
    );
    const updates = t.events.filter(
      (e): e is Extract<DomainEvent, { type: "employee.updated" }> =>
        e.type === "employee.updated",
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]?.fields).toEqual(["bio"]);
    for (const event of t.events) {
      expect(JSON.stringify(event)).not.toContain("555 0111");
    }
  });

  it("say only ids for people added and removed", async () => {
    t.events.length = 0;
    const id = await make(`Evt${randomUUID().slice(0, 4)}`, {
      personalPhone: "+1 555 0177",
    });
    await call("hr", "DELETE", `/api/employees/${id}`, undefined, {
      "if-match": '"1"',
    });
    expect(t.events.map((e) => e.type)).toEqual([
      "employee.created",
      "employee.deleted",
    ]);
    for (const event of t.events) {
      expect(Object.keys(event).sort()).toEqual(
        event.type === "employee.created"
          ? ["id", "type", "version"]
          : ["id", "type"],
      );
    }
  });
});
