import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp } from "../../test-app.js";
import { issueToken, type Json, scimClient } from "./scim-test-client.js";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

let t: Awaited<ReturnType<typeof openTestApp>>;
let scim: ReturnType<typeof scimClient>;
beforeAll(async () => {
  t = await openTestApp();
  scim = scimClient(t, (await issueToken(t, "Entra ID")).token);
});
afterAll(() => t.close());

const patchOp = (...Operations: unknown[]) => ({
  schemas: [PATCH],
  Operations,
});

// The requests Microsoft Entra ID's provisioning service sends.
describe("provisioning as Entra ID does it", () => {
  const tag = randomUUID().slice(0, 8);
  const upn = `Alan.Turing.${tag}@Example.com`;
  const department = `Hut 8 ${tag}`;
  let managerId = "";
  let id = "";

  it("provisions the manager, then the person who reports to them", async () => {
    const manager = await scim("POST", "/Users", {
      schemas: [USER, ENTERPRISE],
      externalId: `mgr-${tag}`,
      userName: `dilly.knox.${tag}@example.com`,
      active: true,
      name: { givenName: "Dilly", familyName: "Knox" },
    });
    expect(manager.res.status).toBe(201);
    managerId = manager.body.id;

    const filter = encodeURIComponent(`userName eq "${upn}"`);
    const probe = await scim("GET", `/Users?filter=${filter}`);
    expect(probe.body.totalResults).toBe(0);

    const { res, body } = await scim("POST", "/Users", {
      schemas: [USER, ENTERPRISE],
      externalId: `ext-${tag}`,
      userName: upn,
      active: true,
      displayName: "Alan Turing",
      title: "Cryptanalyst",
      emails: [{ primary: true, type: "work", value: upn.toLowerCase() }],
      phoneNumbers: [{ type: "mobile", value: "07700 900 461" }],
      name: { familyName: "Turing", givenName: "Alan" },
      [ENTERPRISE]: { department, manager: { value: managerId } },
    });
    expect(res.status).toBe(201);
    id = body.id;
    expect(body).toMatchObject({
      userName: upn.toLowerCase(),
      title: "Cryptanalyst",
      phoneNumbers: [{ type: "mobile", value: "07700 900 461" }],
      [ENTERPRISE]: {
        department,
        manager: { value: managerId, displayName: "Dilly Knox" },
      },
    });
    // The department did not exist: it was created, and is shared.
    const departments = await t.app.request("/api/departments");
    const list = ((await departments.json()) as Json).items as Json[];
    expect(list.filter((d) => d.name === department)).toHaveLength(1);
  });

  it("applies Entra's multi-operation PATCH with capitalised verbs", async () => {
    const renamed = `alan.m.turing.${tag}@example.com`;
    const { res, body } = await scim(
      "PATCH",
      `/Users/${id}`,
      patchOp(
        { op: "Replace", path: "displayName", value: "Prof Turing" },
        { op: "Add", path: "nickName", value: "Prof" },
        {
          op: "Replace",
          path: 'emails[type eq "work"].value',
          value: renamed,
        },
        {
          op: "Add",
          path: 'phoneNumbers[type eq "work"].value',
          value: "+44 1908 640404",
        },
        { op: "Replace", path: `${ENTERPRISE}:department`, value: department },
        { op: "Remove", path: `${ENTERPRISE}:manager` },
      ),
    );
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      userName: renamed,
      nickName: "Prof",
      displayName: "Prof Turing",
      emails: [{ value: renamed }],
    });
    expect(body.phoneNumbers).toHaveLength(2);
    expect(body[ENTERPRISE].manager).toBeUndefined();
    const relink = await scim(
      "PATCH",
      `/Users/${id}`,
      patchOp({ op: "Add", path: `${ENTERPRISE}:manager`, value: managerId }),
    );
    expect(relink.body[ENTERPRISE].manager.value).toBe(managerId);
  });

  it("deactivates on path active with the string False", async () => {
    const { body } = await scim(
      "PATCH",
      `/Users/${id}`,
      patchOp({ op: "Replace", path: "active", value: "False" }),
    );
    expect(body.active).toBe(false);
    const reports = await t.app.request(`/api/employees/${managerId}/reports`);
    expect(((await reports.json()) as Json).items).toEqual([]);
    const again = await scim(
      "PATCH",
      `/Users/${id}`,
      patchOp({ op: "Replace", path: "active", value: "True" }),
    );
    expect(again.body.active).toBe(true);
  });

  it("deactivates on DELETE, keeping the person for HR and the IdP", async () => {
    const { res } = await scim("DELETE", `/Users/${id}`);
    expect(res.status).toBe(204);
    const after = await scim("GET", `/Users/${id}`);
    expect(after.res.status).toBe(200);
    expect(after.body.active).toBe(false);
    const profile = await t.app.request(`/api/employees/${id}`);
    expect(profile.status).toBe(200);
    const repeat = await scim("DELETE", `/Users/${id}`);
    expect(repeat.res.status).toBe(204);
  });

  it("refuses a stale If-Match and applies a current one", async () => {
    const current = await scim("GET", `/Users/${id}`);
    const version = current.res.headers.get("etag") ?? "";
    const stale = await scim(
      "PATCH",
      `/Users/${id}`,
      patchOp({ op: "Replace", path: "title", value: "Stale" }),
      { "if-match": 'W/"1"' },
    );
    expect(stale.res.status).toBe(412);
    expect(stale.body.status).toBe("412");
    const fresh = await scim(
      "PATCH",
      `/Users/${id}`,
      patchOp({ op: "Replace", path: "title", value: "Fresh" }),
      { "if-match": version },
    );
    expect(fresh.res.status).toBe(200);
    expect(fresh.body.title).toBe("Fresh");
  });

  it("answers discovery requests", async () => {
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      etag: { supported: true },
    });
    const types = await scim("GET", "/ResourceTypes");
    expect(types.body.Resources[0]).toMatchObject({
      id: "User",
      endpoint: "/Users",
      schemaExtensions: [{ schema: ENTERPRISE, required: false }],
    });
    const schemas = await scim("GET", "/Schemas");
    expect(schemas.body.Resources.map((s: Json) => s.id)).toEqual([
      USER,
      ENTERPRISE,
    ]);
    const one = await scim("GET", `/Schemas/${USER}`);
    expect(one.body.attributes.map((a: Json) => a.name)).toContain("userName");
  });
});
