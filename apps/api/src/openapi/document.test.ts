import { describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { oidcSignIn } from "../auth/sign-in.js";
import { openTestApp } from "../test-app.js";

describe("OpenAPI document", () => {
  it("documents every API route the app serves, and only those", async () => {
    const t = await openTestApp();
    try {
      const res = await t.app.request("/api/openapi.json");
      const doc = (await res.json()) as {
        openapi: string;
        paths: Record<string, Record<string, unknown>>;
      };
      expect(doc.openapi).toBe("3.1.0");
      const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      );
      // Served with sign-in configured, as in every deployed stage.
      const withSignIn = createApp({
        directory: t.directory,
        ...oidcSignIn(t.directory, {
          issuer: "http://127.0.0.1:9",
          clientId: "roster",
          clientSecret: "unused",
          sessionSecret: "a".repeat(32),
        }),
        logger: () => {},
      });
      const served = withSignIn.routes
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
        .filter(
          (r) =>
            !["/api/openapi.json", "/api/docs", "/api/health"].includes(r.path),
        )
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
      expect(new Set(documented)).toEqual(new Set(served));
      const post = doc.paths["/api/employees"]?.post as {
        requestBody: {
          content: Record<string, { schema: { required: string[] } }>;
        };
      };
      expect(
        post.requestBody.content["application/json"]?.schema.required,
      ).toEqual(expect.arrayContaining(["email", "givenName", "familyName"]));
      const page = await t.app.request("/api/docs");
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect(await page.text()).toContain("/api/employees/{id}/manager-chain");
    } finally {
      await t.close();
    }
  });
});
