import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkerConfig } from "@roster/worker/config";
import { folderFileStore } from "@roster/worker/files";
import { inProcessLauncher } from "@roster/worker/launch";
import { describe, expect, it } from "vitest";
import { createApp } from "../app.js";
import { oidcSignIn } from "../auth/sign-in.js";
import { openTestApp } from "../test-app.js";

describe("OpenAPI document", () => {
  it("documents every API route the app serves, and only those", async () => {
    const t = await openTestApp();
    const filesDir = mkdtempSync(join(tmpdir(), "roster-openapi-"));
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
      // Served with sign-in and jobs configured, as in every deployed stage.
      const files = folderFileStore(filesDir);
      const withSignIn = createApp({
        directory: t.directory,
        ...oidcSignIn(t.directory, {
          issuer: "http://127.0.0.1:9",
          clientId: "roster",
          clientSecret: "unused",
          sessionSecret: "a".repeat(32),
        }),
        jobs: {
          files,
          companyDomain: "example.com",
          launcher: inProcessLauncher({
            directory: t.directory,
            files,
            config: readWorkerConfig({ ROSTER_FILES_DIR: filesDir }, []),
            logger: () => {},
          }),
        },
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
      // A file goes up and a report comes down as is, not as JSON.
      const upload = doc.paths["/api/imports/files"]?.post as {
        requestBody: { content: Record<string, unknown> };
      };
      expect(Object.keys(upload.requestBody.content)).toEqual([
        "application/octet-stream",
      ]);
      const report = doc.paths["/api/jobs/{id}/report"]?.get as {
        responses: Record<string, { content?: Record<string, unknown> }>;
      };
      expect(Object.keys(report.responses["200"]?.content ?? {})).toEqual([
        "text/csv",
      ]);
      const page = await t.app.request("/api/docs");
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      expect(await page.text()).toContain("/api/employees/{id}/manager-chain");
    } finally {
      await t.close();
      rmSync(filesDir, { recursive: true, force: true });
    }
  });
});
