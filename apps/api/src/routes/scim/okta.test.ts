import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp } from "../../test-app.js";
import { issueToken, type Json, scimClient } from "./scim-test-client.js";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

let t: Awaited<ReturnType<typeof openTestApp>>;
let scim: ReturnType<typeof scimClient>;
beforeAll(async () => {
  t = await openTestApp();
  scim = scimClient(t, (await issueToken(t, "Okta")).token);
});
afterAll(() => t.close());

const employee = { "x-roster-act-as": "" };

// The requests Okta's SCIM 2.0 connector sends, in the order it sends them.
describe("provisioning as Okta does it", () => {
  const email = `grace.${randomUUID().slice(0, 8)}@example.com`;
  const oktaUser = {
    schemas: [USER],
    userName: email,
    name: { givenName: "Grace", familyName: "Hopper" },
    emails: [{ primary: true, value: email, type: "work" }],
    displayName: "Grace Hopper",
    locale: "en-US",
    externalId: `00u${randomUUID().slice(0, 12)}`,
    groups: [],
    password: "t1meMa$heen",
    active: true,
  };
  let id = "";

  it("finds nobody by userName before creating", async () => {
    const filter = encodeURIComponent(`userName eq "${email}"`);
    const { res, body } = await scim(
      "GET",
      `/Users?filter=${filter}&startIndex=1&count=100`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect(body).toEqual({
      schemas: [LIST],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it("creates the person with 201, a Location and a weak ETag", async () => {
    const { res, body } = await scim("POST", "/Users", oktaUser);
    expect(res.status).toBe(201);
    id = body.id;
    expect(res.headers.get("location")).toBe(
      `http://localhost/scim/v2/Users/${id}`,
    );
    expect(res.headers.get("etag")).toBe('W/"1"');
    expect(body).toMatchObject({
      userName: email,
      externalId: oktaUser.externalId,
      name: { givenName: "Grace", familyName: "Hopper" },
      active: true,
      emails: [{ value: email, type: "work", primary: true }],
      meta: { resourceType: "User", version: 'W/"1"' },
    });
    expect(JSON.stringify(body)).not.toContain("t1meMa$heen");
  });

  it("finds them by userName in other casing, and by externalId", async () => {
    for (const filter of [
      `userName eq "${email.toUpperCase()}"`,
      `externalId eq "${oktaUser.externalId}"`,
      `emails.value eq "${email}"`,
    ]) {
      const { body } = await scim(
        "GET",
        `/Users?filter=${encodeURIComponent(filter)}`,
      );
      expect(body.totalResults, filter).toBe(1);
      expect(body.Resources[0].id).toBe(id);
    }
  });

  it("replaces the profile with PUT, keeping what SCIM does not carry", async () => {
    const bio = await t.app.request(`/api/employees/${id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json", "if-match": '"1"' },
      body: JSON.stringify({ bio: "Wrote the first compiler." }),
    });
    expect(bio.status).toBe(200);
    const { res, body } = await scim("PUT", `/Users/${id}`, {
      ...oktaUser,
      id,
      title: "Rear Admiral",
      name: { givenName: "Grace", familyName: "Hopper", middleName: "B" },
    });
    expect(res.status).toBe(200);
    expect(body.title).toBe("Rear Admiral");
    expect(res.headers.get("etag")).toBe('W/"3"');
    const profile = await t.app.request(`/api/employees/${id}`);
    expect(((await profile.json()) as Json).bio).toBe(
      "Wrote the first compiler.",
    );
  });

  it("deactivates with PATCH active false: the person leaves the directory", async () => {
    const { res, body } = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(res.status).toBe(200);
    expect(body.active).toBe(false);
    const search = await t.app.request(
      `/api/employees?q=${encodeURIComponent(email)}`,
    );
    expect(((await search.json()) as Json).items).toEqual([]);
    const asHr = await t.app.request(`/api/employees/${id}`);
    expect(((await asHr.json()) as Json).deactivatedAt).toEqual(
      expect.any(String),
    );
    const someone = await t.app.request("/api/employees", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email: `viewer.${randomUUID().slice(0, 8)}@example.com`,
        givenName: "Viewer",
        familyName: "Employee",
      }),
    });
    const viewer = ((await someone.json()) as Json).id as string;
    const asEmployee = await t.app.request(`/api/employees/${id}`, {
      headers: { ...employee, "x-roster-act-as": viewer },
    });
    expect(asEmployee.status).toBe(404);
    const still = await scim("GET", `/Users/${id}`);
    expect(still.body.active).toBe(false);
  });

  it("reactivates with PATCH active true", async () => {
    const { body } = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: true } }],
    });
    expect(body.active).toBe(true);
    const search = await t.app.request(
      `/api/employees?q=${encodeURIComponent(email)}`,
    );
    const items = ((await search.json()) as Json).items as Json[];
    expect(items.map((e) => e.id)).toEqual([id]);
  });

  it("records every change in the audit trail on the scim channel", async () => {
    const res = await t.app.request(`/api/employees/${id}/history`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Json[] };
    const scimEntries = items.filter((e) => e.channel === "scim");
    expect(scimEntries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "employee.created",
        "employee.updated",
        "employee.deactivated",
        "employee.reactivated",
      ]),
    );
  });
});

describe("provisioning someone who has already left", () => {
  it("creates them deactivated when active is false", async () => {
    const email = `left.${randomUUID().slice(0, 8)}@example.com`;
    const { res, body } = await scim("POST", "/Users", {
      schemas: [USER],
      userName: email,
      name: { givenName: "Already", familyName: "Gone" },
      active: false,
    });
    expect(res.status).toBe(201);
    expect(body.active).toBe(false);
    const search = await t.app.request(
      `/api/employees?q=${encodeURIComponent(email)}`,
    );
    expect(((await search.json()) as Json).items).toEqual([]);
  });
});

describe("listing users a page at a time", () => {
  it("pages by startIndex and count without repeats", async () => {
    for (let i = 0; i < 5; i++) {
      const email = `pager${i}.${randomUUID().slice(0, 8)}@example.com`;
      await scim("POST", "/Users", {
        schemas: [USER],
        userName: email,
        name: { givenName: `Pager${i}`, familyName: "Paged" },
      });
    }
    const first = await scim("GET", "/Users?startIndex=1&count=2");
    const total = first.body.totalResults as number;
    expect(total).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    for (let start = 1; start <= total; start += 2) {
      const { body } = await scim("GET", `/Users?startIndex=${start}&count=2`);
      expect(body.startIndex).toBe(start);
      expect(body.itemsPerPage).toBe(body.Resources.length);
      expect(body.totalResults).toBe(total);
      seen.push(...body.Resources.map((u: Json) => u.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const capped = await scim("GET", "/Users?count=5000");
    expect(capped.body.itemsPerPage).toBeLessThanOrEqual(200);
    const none = await scim("GET", "/Users?count=0");
    expect(none.body).toMatchObject({ totalResults: total, Resources: [] });
    const low = await scim("GET", "/Users?startIndex=-4&count=1");
    expect(low.body.startIndex).toBe(1);
  });
});
