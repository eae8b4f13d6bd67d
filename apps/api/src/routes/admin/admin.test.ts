import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, openTestApp } from "../../test-app.js";

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by the assertions
type Json = Record<string, any>;

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await t.app.request(path, {
    method,
    headers: jsonHeaders(headers),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { res, body: (text ? JSON.parse(text) : null) as Json };
}

async function person(role = "employee") {
  const { body } = await call("POST", "/api/employees", {
    email: `a.${randomUUID().slice(0, 8)}@example.com`,
    givenName: "Admin",
    familyName: "Tested",
    role,
  });
  return body.id as string;
}

describe("SCIM token administration", () => {
  it("issues, lists without secrets and revokes", async () => {
    const issued = await call("POST", "/api/admin/scim-tokens", {
      name: "Okta",
    });
    expect(issued.res.status).toBe(201);
    expect(issued.res.headers.get("cache-control")).toBe("no-store");
    expect(issued.body).toMatchObject({ name: "Okta", revokedAt: null });
    const listed = await call("GET", "/api/admin/scim-tokens");
    expect(listed.body.items.map((i: Json) => i.id)).toContain(issued.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
    const revoked = await call(
      "DELETE",
      `/api/admin/scim-tokens/${issued.body.id}`,
    );
    expect(revoked.res.status).toBe(204);
    const after = await call("GET", "/api/admin/scim-tokens");
    const entry = after.body.items.find((i: Json) => i.id === issued.body.id);
    expect(entry.revokedAt).toEqual(expect.any(String));
  });

  it("refuses HR, a missing name and an unknown token", async () => {
    const hr = await person("hr");
    const asHr = await call(
      "POST",
      "/api/admin/scim-tokens",
      { name: "Mine" },
      { "x-roster-act-as": hr },
    );
    expect(asHr.res.status).toBe(403);
    const listHr = await call("GET", "/api/admin/scim-tokens", undefined, {
      "x-roster-act-as": hr,
    });
    expect(listHr.res.status).toBe(403);
    const blank = await call("POST", "/api/admin/scim-tokens", { name: " " });
    expect(blank.res.status).toBe(400);
    expect(blank.body.details.issues[0].path).toBe("name");
    for (const id of [randomUUID(), "nope"]) {
      const gone = await call("DELETE", `/api/admin/scim-tokens/${id}`);
      expect(gone.res.status).toBe(404);
    }
  });
});

describe("deactivating through the API", () => {
  it("lets HR deactivate and reactivate, and refuses employees", async () => {
    const hr = await person("hr");
    const target = await person();
    const employee = await person();
    const refused = await call(
      "POST",
      `/api/employees/${target}/deactivate`,
      undefined,
      { "x-roster-act-as": employee },
    );
    expect(refused.res.status).toBe(403);
    const stale = await call(
      "POST",
      `/api/employees/${target}/deactivate`,
      undefined,
      { "x-roster-act-as": hr, "if-match": '"9"' },
    );
    expect(stale.res.status).toBe(412);
    const gone = await call(
      "POST",
      `/api/employees/${target}/deactivate`,
      undefined,
      { "x-roster-act-as": hr, "if-match": '"1"' },
    );
    expect(gone.res.status).toBe(200);
    expect(gone.res.headers.get("etag")).toBe('"2"');
    expect(gone.body.deactivatedAt).toEqual(expect.any(String));
    const hidden = await call("GET", `/api/employees/${target}`, undefined, {
      "x-roster-act-as": employee,
    });
    expect(hidden.res.status).toBe(404);
    expect(t.events.at(-1)).toEqual({
      type: "employee.updated",
      id: target,
      version: 2,
      fields: ["active"],
    });
    const back = await call(
      "POST",
      `/api/employees/${target}/reactivate`,
      undefined,
      { "x-roster-act-as": hr },
    );
    expect(back.body.deactivatedAt).toBeNull();
    const seen = await call("GET", `/api/employees/${target}`, undefined, {
      "x-roster-act-as": employee,
    });
    expect(seen.res.status).toBe(200);
  });
});
