import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonHeaders, openTestApp } from "../test-app.js";

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

// Response bodies are inspected loosely here; their shapes are checked by
// the assertions themselves.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = Record<string, any>;

const email = () => `p-${randomUUID().slice(0, 8)}@example.com`;

async function create(body: Record<string, unknown>, as?: string) {
  const res = await t.app.request("/api/employees", {
    method: "POST",
    headers: jsonHeaders(as ? { "x-roster-act-as": as } : {}),
    body: JSON.stringify({ givenName: "Ada", familyName: "Lovelace", ...body }),
  });
  return { res, body: (await res.json()) as Json };
}
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { res, body: (await res.json()) as Json };
};
const patch = (id: string, body: unknown, headers: Record<string, string>) =>
  t.app.request(`/api/employees/${id}`, {
    method: "PATCH",
    headers: jsonHeaders(headers),
    body: JSON.stringify(body),
  });

describe("POST /api/employees", () => {
  it("creates a person and answers 201 with its version", async () => {
    const { res, body } = await create({ email: email() });
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    expect(body).toMatchObject({ givenName: "Ada", version: 1 });
  });

  it("answers 409 for an email in other casing and keeps the first", async () => {
    const address = email();
    const first = await create({ email: address, jobTitle: "First" });
    const { res, body } = await create({
      email: address.toUpperCase(),
      jobTitle: "Second",
    });
    expect(res.status).toBe(409);
    expect(body).toMatchObject({
      code: "conflict",
      details: { field: "email" },
    });
    expect(body.requestId).toEqual(expect.any(String));
    const stored = await get(`/api/employees/${first.body.id}`);
    expect(stored.body.jobTitle).toBe("First");
  });

  it("answers 400 naming each invalid field", async () => {
    const { res, body } = await create({
      email: "not-an-email",
      givenName: "",
      phones: [{ kind: "work", number: "no digits" }],
    });
    expect(res.status).toBe(400);
    expect(body.code).toBe("invalid_input");
    const paths = body.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["email", "givenName", "phones.0.number"]),
    );
  });

  it("answers 400 for an unknown field and for JSON that does not parse", async () => {
    const extra = await create({ email: email(), salary: 100 });
    expect(extra.res.status).toBe(400);
    expect(extra.body.message).toContain("salary");
    const res = await t.app.request("/api/employees", {
      method: "POST",
      headers: jsonHeaders(),
      body: '{"givenName": "Ada",',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("invalid_input");
  });

  it("answers 415 for a body that is not JSON and stores nothing", async () => {
    const address = email();
    const res = await t.app.request("/api/employees", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ email: address, givenName: "A", familyName: "B" }),
    });
    expect(res.status).toBe(415);
    const found = await get(`/api/employees?q=${address}`);
    expect(
      found.body.items.map((e: { email: string }) => e.email),
    ).not.toContain(address);
  });
});

describe("hostile bodies and parameters", () => {
  it("answers 413 for a body over the limit and stores nothing", async () => {
    const address = email();
    const res = await t.app.request("/api/employees", {
      method: "POST",
      headers: jsonHeaders(),
      body: JSON.stringify({
        email: address,
        givenName: "Big",
        familyName: "Body",
        bio: "x".repeat(300_000),
      }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as Json).code).toBe("payload_too_large");
  });

  it("refuses bytes that are not UTF-8, and other charsets", async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"email":"u@example.com","givenName":"a'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('","familyName":"b"}'),
    ]);
    const bad = await t.app.request("/api/employees", {
      method: "POST",
      headers: jsonHeaders(),
      body: bytes,
    });
    expect(bad.status).toBe(400);
    const latin1 = await t.app.request("/api/employees", {
      method: "POST",
      headers: { "content-type": "application/json; charset=iso-8859-1" },
      body: "{}",
    });
    expect(latin1.status).toBe(415);
  });

  it("answers 400 for values the database could not hold", async () => {
    const zero = await create({ email: email(), startDate: "0000-01-01" });
    expect(zero.res.status).toBe(400);
    const twice = await create({ email: email(), skills: ["go", "go"] });
    expect(twice.res.status).toBe(400);
    const nul = Buffer.from(JSON.stringify(["\u0000", randomUUID()]));
    const float = Buffer.from(JSON.stringify([0.5, "a", randomUUID()]));
    for (const query of [
      "title=%00",
      "skill=%00",
      `cursor=${nul.toString("base64url")}`,
      `q=abc&cursor=${float.toString("base64url")}`,
    ]) {
      const { res } = await get(`/api/employees?${query}`);
      expect(res.status, query).toBe(400);
    }
  });
});

describe("PATCH /api/employees/:id", () => {
  it("answers 412 for a stale version and changes nothing", async () => {
    const { body: p } = await create({ email: email() });
    const ok = await patch(
      p.id,
      { jobTitle: "Engineer" },
      { "if-match": '"1"' },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("etag")).toBe('"2"');
    const stale = await patch(
      p.id,
      { jobTitle: "Manager" },
      { "if-match": '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(await stale.json()).toMatchObject({
      code: "version_mismatch",
      details: { currentVersion: 2 },
    });
    const stored = await get(`/api/employees/${p.id}`);
    expect(stored.body).toMatchObject({ jobTitle: "Engineer", version: 2 });
  });

  it("answers 428 without If-Match and 400 for a malformed one", async () => {
    const { body: p } = await create({ email: email() });
    expect((await patch(p.id, { bio: "x" }, {})).status).toBe(428);
    expect(
      (await patch(p.id, { bio: "x" }, { "if-match": "abc" })).status,
    ).toBe(400);
  });

  it("refuses an employee editing someone else with 403", async () => {
    const { body: me } = await create({ email: email() });
    const { body: other } = await create({ email: email() });
    const res = await patch(
      other.id,
      { bio: "mine now" },
      { "if-match": '"1"', "x-roster-act-as": me.id },
    );
    expect(res.status).toBe(403);
    const own = await patch(
      me.id,
      { bio: "hello" },
      { "if-match": '"1"', "x-roster-act-as": me.id },
    );
    expect(own.status).toBe(200);
  });

  it("refuses a reporting cycle with 400 on managerId", async () => {
    const { body: boss } = await create({ email: email() });
    const { body: report } = await create({
      email: email(),
      managerId: boss.id,
    });
    const res = await patch(
      boss.id,
      { managerId: report.id },
      { "if-match": '"1"' },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      details: { issues: { path: string }[] };
    };
    expect(body.details.issues[0]?.path).toBe("managerId");
  });
});

describe("reading people", () => {
  it("answers 404 in the error shape for unknown and malformed ids", async () => {
    for (const id of [randomUUID(), "not-a-uuid", "%E0%A4%A"]) {
      const { res, body } = await get(`/api/employees/${id}`);
      expect(res.status).toBe(404);
      expect(body).toMatchObject({ code: "not_found" });
    }
  });

  it("answers 404 JSON for a route that does not exist", async () => {
    const { res, body } = await get("/api/nope");
    expect(res.status).toBe(404);
    expect(body.code).toBe("not_found");
  });

  it("answers 400, not 500, for bad query parameters", async () => {
    for (const q of [
      "limit=0",
      "limit=abc",
      "department=xyz",
      "cursor=zz",
      "bogus=1",
    ]) {
      const { res, body } = await get(`/api/employees?${q}`);
      expect(res.status, q).toBe(400);
      expect(body.code).toBe("invalid_input");
    }
  });

  it("shows the manager chain from the top and reports with team sizes", async () => {
    const { body: top } = await create({ email: email(), givenName: "Top" });
    const { body: mid } = await create({ email: email(), managerId: top.id });
    const { body: low } = await create({ email: email(), managerId: mid.id });
    const chain = await get(`/api/employees/${low.id}/manager-chain`);
    expect(chain.body.items.map((p: { id: string }) => p.id)).toEqual([
      top.id,
      mid.id,
    ]);
    const reports = await get(`/api/employees/${top.id}/reports`);
    expect(reports.body.items).toMatchObject([
      { id: mid.id, directReportCount: 1, totalReportCount: 1 },
    ]);
  });

  it("deletes with 204, moving reports up", async () => {
    const { body: top } = await create({ email: email() });
    const { body: mid } = await create({ email: email(), managerId: top.id });
    const { body: low } = await create({ email: email(), managerId: mid.id });
    const res = await t.app.request(`/api/employees/${mid.id}`, {
      method: "DELETE",
    });
    expect(res.status).toBe(204);
    expect((await get(`/api/employees/${mid.id}`)).res.status).toBe(404);
    expect((await get(`/api/employees/${low.id}`)).body.manager.id).toBe(
      top.id,
    );
  });
});

describe("request logging", () => {
  it("writes one line per request with id, route, status and duration", async () => {
    const id = randomUUID();
    t.logs.length = 0;
    await t.app.request(`/api/employees/${id}`, {
      headers: { "x-request-id": "req-abcdef12" },
    });
    expect(t.logs).toHaveLength(1);
    expect(t.logs[0]).toMatchObject({
      requestId: "req-abcdef12",
      method: "GET",
      route: "/api/employees/:id",
      status: 404,
      outcome: "refused",
      durationMs: expect.any(Number),
    });
    expect(t.logs[0]).not.toHaveProperty("error");
  });
});
