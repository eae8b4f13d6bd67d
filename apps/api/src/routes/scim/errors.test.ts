import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../../env.js";
import { openTestApp } from "../../test-app.js";
import { scimRoutes } from "./index.js";
import { issueToken, type Json, scimClient } from "./scim-test-client.js";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

let t: Awaited<ReturnType<typeof openTestApp>>;
let token = "";
let scim: ReturnType<typeof scimClient>;
beforeAll(async () => {
  t = await openTestApp();
  token = (await issueToken(t)).token;
  scim = scimClient(t, token);
});
afterAll(() => t.close());

const user = (extra: Json = {}): Json => ({
  schemas: [USER],
  userName: `e.${randomUUID().slice(0, 8)}@example.com`,
  name: { givenName: "Edge", familyName: "Case" },
  ...extra,
});

function expectScimError(
  response: { res: Response; body: Json },
  status: number,
  scimType?: string,
) {
  expect(response.res.status).toBe(status);
  expect(response.res.headers.get("content-type")).toMatch(
    /^application\/scim\+json/,
  );
  expect(response.body).toMatchObject({
    schemas: [ERROR],
    status: String(status),
    detail: expect.any(String),
  });
  if (scimType) expect(response.body.scimType).toBe(scimType);
}

describe("SCIM authentication", () => {
  it.each([
    ["no token", undefined],
    ["a token that was never issued", `roster_scim_${"x".repeat(43)}`],
    ["a malformed token", "let-me-in"],
  ])("answers 401 to %s", async (_, bearer) => {
    const response = await scimClient(t, bearer)("GET", "/Users");
    expectScimError(response, 401);
    expect(response.res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("answers 401 once a token is revoked", async () => {
    const issued = await issueToken(t, "Soon revoked");
    const client = scimClient(t, issued.token);
    expect((await client("GET", "/Users?count=1")).res.status).toBe(200);
    const revoke = await t.app.request(`/api/admin/scim-tokens/${issued.id}`, {
      method: "DELETE",
    });
    expect(revoke.status).toBe(204);
    expectScimError(await client("GET", "/Users?count=1"), 401);
  });

  it("never writes the token to the log", async () => {
    await scim("GET", "/Users?count=1");
    await scimClient(t, `${token}x`)("GET", "/Users");
    expect(t.logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(t.logs)).not.toContain(token);
  });

  it("answers 429 in SCIM's shape past the rate limit", async () => {
    const app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set("requestId", "test");
      await next();
    });
    app.route(
      "/scim/v2",
      scimRoutes(
        {
          directory: t.directory,
          auth: {
            allowsActingAs: false,
            resolve: async () => {
              throw new Error("unused");
            },
          },
        },
        { rateLimit: { limit: 2, windowMs: 60_000 } },
      ),
    );
    const limited = scimClient(
      { ...t, app: app as unknown as typeof t.app },
      token,
    );
    expect((await limited("GET", "/Users?count=1")).res.status).toBe(200);
    expect((await limited("GET", "/Users?count=1")).res.status).toBe(200);
    const refused = await limited("GET", "/Users?count=1");
    expectScimError(refused, 429);
    expect(refused.res.headers.get("retry-after")).toBe("60");
  });
});

describe("SCIM refusals", () => {
  it.each([
    ['title eq "x"', "filtering on title"],
    ['userName co "x"', "only the eq operator"],
    ["userName eq", "has no value"],
    ['userName eq "a" or userName eq "b"', "only and"],
  ])("answers 400 invalidFilter to %s", async (filter, detail) => {
    const response = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent(filter)}`,
    );
    expectScimError(response, 400, "invalidFilter");
    expect(response.body.detail).toContain(detail);
  });

  it("answers 400 to paging that is not a number", async () => {
    expectScimError(await scim("GET", "/Users?count=ten"), 400, "invalidValue");
  });

  it.each([
    ["GET", `/Users/${randomUUID()}`],
    ["GET", "/Users/not-a-uuid"],
    ["PUT", `/Users/${randomUUID()}`],
    ["PATCH", `/Users/${randomUUID()}`],
    ["DELETE", `/Users/${randomUUID()}`],
    ["DELETE", "/Users/00u-okta-id"],
    ["GET", "/Groups"],
    ["GET", "/Schemas/urn:nothing"],
  ])("answers 404 to %s %s", async (method, path) => {
    const body =
      method === "PUT"
        ? user()
        : method === "PATCH"
          ? {
              schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
              Operations: [{ op: "replace", path: "title", value: "x" }],
            }
          : undefined;
    expectScimError(await scim(method, path, body), 404);
  });

  it("answers 409 uniqueness to a taken userName or externalId", async () => {
    const first = user({ externalId: `ext-${randomUUID()}` });
    expect((await scim("POST", "/Users", first)).res.status).toBe(201);
    const sameName = await scim("POST", "/Users", {
      ...user(),
      userName: first.userName.toUpperCase(),
    });
    expectScimError(sameName, 409, "uniqueness");
    const sameExternal = await scim(
      "POST",
      "/Users",
      user({ externalId: first.externalId }),
    );
    expectScimError(sameExternal, 409, "uniqueness");
    expect(sameExternal.body.detail).toContain("externalId");
  });

  it("answers 400 naming each invalid attribute", async () => {
    const response = await scim("POST", "/Users", {
      schemas: [USER],
      userName: "not an address",
      name: { givenName: "" },
    });
    expectScimError(response, 400, "invalidValue");
    for (const path of ["userName", "name.givenName", "name.familyName"]) {
      expect(response.body.detail).toContain(path);
    }
  });

  it("answers 400 in SCIM terms to a manager who does not exist", async () => {
    const response = await scim(
      "POST",
      "/Users",
      user({
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
          manager: { value: randomUUID() },
        },
      }),
    );
    expectScimError(response, 400, "invalidValue");
    expect(response.body.detail).toContain("manager.value");
  });

  it("answers 400 invalidSyntax to a body that is not JSON", async () => {
    expectScimError(
      await scim("POST", "/Users", "{nope"),
      400,
      "invalidSyntax",
    );
    expectScimError(await scim("POST", "/Users", "[1]"), 400, "invalidSyntax");
  });

  it("answers 413 to a body over the size limit", async () => {
    const big = user({ title: "x".repeat(300 * 1024) });
    expectScimError(await scim("POST", "/Users", big), 413);
  });

  it("answers 415 to a body that is not declared JSON", async () => {
    const response = await scim("POST", "/Users", JSON.stringify(user()), {
      "content-type": "text/plain",
    });
    expectScimError(response, 415);
  });

  it("answers 400 to a PATCH that is not a PatchOp", async () => {
    const created = await scim("POST", "/Users", user());
    const response = await scim("PATCH", `/Users/${created.body.id}`, {
      Operations: [{ op: "replace", path: "title", value: "x" }],
    });
    expectScimError(response, 400, "invalidSyntax");
  });
});
