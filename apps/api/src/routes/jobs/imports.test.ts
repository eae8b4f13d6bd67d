import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Job, ldapMapping, orgChartMapping } from "@roster/core";
import type { DatabaseHandle } from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import { readWorkerConfig } from "@roster/worker/config";
import { folderFileStore } from "@roster/worker/files";
import { inProcessLauncher } from "@roster/worker/launch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../app.js";
import { localActorResolver } from "../../auth/actor.js";
import { datasetPath } from "../../datasets.js";

let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let filesDir: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  filesDir = mkdtempSync(join(tmpdir(), "roster-imports-"));
  const directory = { db: handle.db, events: { publish: async () => {} } };
  const files = folderFileStore(filesDir);
  const env = { ROSTER_FILES_DIR: filesDir, ROSTER_WORKER_HEARTBEAT_MS: "100" };
  app = createApp({
    directory,
    auth: localActorResolver(directory, "nobody@example.com"),
    logger: () => {},
    jobs: {
      files,
      companyDomain: "example.com",
      launcher: inProcessLauncher({
        directory,
        files,
        config: readWorkerConfig(env, []),
        logger: () => {},
      }),
    },
  });
});
afterAll(async () => {
  await handle?.close();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const json = { "content-type": "application/json" };

async function finished(id: string): Promise<Job> {
  for (;;) {
    const res = await app.request(`/api/jobs/${id}`);
    expect(res.status).toBe(200);
    const job = (await res.json()) as Job;
    if (job.status !== "queued" && job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Upload {
  fileKey: string;
  format: "csv" | "ldif";
  suggestion: { name: string; mapping: unknown } | null;
  sample: { columns: string[]; rows: unknown[] };
}

async function upload(body: Uint8Array | string, name: string) {
  const res = await app.request(
    `/api/imports/files?name=${encodeURIComponent(name)}`,
    { method: "POST", body },
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Upload;
}

async function preview(file: Upload, mapping?: unknown) {
  const res = await app.request("/api/imports/previews", {
    method: "POST",
    headers: json,
    body: JSON.stringify({
      fileKey: file.fileKey,
      format: file.format,
      mapping: mapping ?? file.suggestion?.mapping,
    }),
  });
  expect(res.status).toBe(202);
  return finished(((await res.json()) as Job).id);
}

async function apply(previewId: string) {
  const res = await app.request(`/api/imports/previews/${previewId}/apply`, {
    method: "POST",
  });
  expect(res.status).toBe(202);
  return finished(((await res.json()) as Job).id);
}

const oracle = datasetPath("oracle-hr", "employees-joined.csv");
const orgChart = datasetPath("org-chart-1515", "nodes.csv");
const ldif = datasetPath("ldap", "Example.ldif");
const missing = !oracle || !orgChart || !ldif;
const skipped = missing
  ? " (skipped: the shared datasets beside the repository are not there)"
  : "";

describe.skipIf(missing)(`importing the sample exports${skipped}`, () => {
  it("previews, applies and then finds nothing to change", async () => {
    const file = await upload(readFileSync(oracle as string), "hr.csv");
    expect(file.suggestion?.name).toBe("oracle-hr");
    expect(file.sample.rows).toHaveLength(5);
    const first = await preview(file);
    expect(first).toMatchObject({
      status: "succeeded",
      counts: { new: 107, changed: 0, unchanged: 0, rejected: 0 },
    });
    const page = await app.request(
      `/api/imports/previews/${first.id}/diff?limit=2`,
    );
    const diff = (await page.json()) as {
      items: { row: number; kind: string; changes: { field: string }[] }[];
      next: number | null;
    };
    expect(diff.items.map((r) => [r.row, r.kind])).toEqual([
      [2, "new"],
      [3, "new"],
    ]);
    expect(diff.next).toBe(3);
    expect(diff.items[0]?.changes.map((c) => c.field)).toContain("email");
    const applied = await apply(first.id);
    expect(applied).toMatchObject({
      status: "succeeded",
      counts: { created: 107, updated: 0, unchanged: 0, rejected: 0 },
      progress: { done: 107, total: 107 },
    });
    const trail = await app.request(
      "/api/audit?action=employee.created&limit=100",
    );
    const entries = (
      (await trail.json()) as {
        items: { channel: string; subjectLabel: string; changes: unknown[] }[];
      }
    ).items;
    // Every person the import added is in the audit trail, as an import.
    expect(entries.filter((e) => e.channel === "import")).toHaveLength(100);
    expect(entries[0]?.changes.length).toBeGreaterThan(0);
    const again = await apply(first.id).catch(() => undefined);
    expect(again).toBeUndefined();
    const second = await preview(file);
    expect(second.counts).toMatchObject({ new: 0, changed: 0, unchanged: 107 });
  });

  it("imports the deep org chart, names without email, managers later", async () => {
    const file = await upload(readFileSync(orgChart as string), "nodes.csv");
    expect(file.suggestion?.name).toBe("org-chart");
    const first = await preview(file, orgChartMapping);
    expect(first.status).toBe("succeeded");
    // 66 nodes are named by one word ("SizePalette"), no family name.
    expect(first.counts).toMatchObject({ new: 1450, rejected: 66 });
    const applied = await apply(first.id);
    expect(applied.counts).toMatchObject({ created: 1450, rejected: 66 });
    const second = await preview(file, orgChartMapping);
    expect(second.counts).toMatchObject({ new: 0, changed: 0 });
  });

  it("imports an LDAP export without ever storing a password", async () => {
    const file = await upload(readFileSync(ldif as string), "Example.ldif");
    expect(file.format).toBe("ldif");
    expect(JSON.stringify(file.sample)).not.toMatch(/userpassword/i);
    // Not even the upload kept: its password lines are gone from storage.
    const stored = readFileSync(join(filesDir, ...file.fileKey.split("/")));
    expect(stored.toString("utf8")).not.toMatch(/^userpassword|sprain/im);
    const first = await preview(file, ldapMapping);
    expect(first.counts).toMatchObject({ new: 150, rejected: 0 });
    const applied = await apply(first.id);
    expect(applied.counts).toMatchObject({ created: 150 });
    const second = await preview(file, ldapMapping);
    expect(second.counts).toMatchObject({ new: 0, changed: 0, unchanged: 150 });
    const people = await app.request("/api/employees?q=carter");
    expect(await people.text()).not.toContain("sprain");
  });

  it("exports the directory as CSV", async () => {
    const res = await app.request("/api/exports/directory", {
      method: "POST",
    });
    expect(res.status).toBe(202);
    const job = await finished(((await res.json()) as Job).id);
    expect(job.status).toBe("succeeded");
    const report = await app.request(`/api/jobs/${job.id}/report`);
    expect(report.headers.get("content-type")).toContain("text/csv");
    const lines = (await report.text()).trim().split("\r\n");
    expect(lines[0]).toContain("email");
    expect(lines).toHaveLength(1 + (job.counts.people ?? 0));
  });
});

describe("import input that is wrong", () => {
  it("reports each rejected row in the downloadable report", async () => {
    const file = await upload(
      "id,parentId,name,lastName,email\n1,,Ada,Lovelace,ada@x.example\n" +
        "2,1,Ben,,ben@x.example\n3,1,Cy,Dup,ADA@x.example\n,,,,\n",
      "bad.csv",
    );
    const job = await preview(file, {
      columns: {
        externalId: "id",
        managerExternalId: "parentId",
        givenName: "name",
        familyName: "lastName",
        email: "email",
      },
    });
    expect(job.counts).toMatchObject({ new: 1, rejected: 2 });
    const report = await app.request(`/api/jobs/${job.id}/report`);
    const text = await report.text();
    expect(text.split("\r\n").slice(1, 3)).toEqual([
      "3,row 3,lastName,must not be empty,no",
      "4,Cy Dup <ada@x.example>,email,ada@x.example is also on row 2,no",
    ]);
  });

  it("refuses a mapping that names no id column", async () => {
    const file = await upload("a,b\n1,2\n", "x.csv");
    const res = await app.request("/api/imports/previews", {
      method: "POST",
      headers: json,
      body: JSON.stringify({
        fileKey: file.fileKey,
        format: "csv",
        mapping: { columns: { email: "a" } },
      }),
    });
    expect(res.status).toBe(400);
  });

  it("refuses at once a preview of a file gone or missing a mapped column", async () => {
    const file = await upload(
      "id,name,mail\n1,Ann Lee,ann@y.example\n",
      "y.csv",
    );
    const start = (fileKey: string, mapping: unknown) =>
      app.request("/api/imports/previews", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ fileKey, format: "csv", mapping }),
      });
    const gone = await start(
      "uploads/imports/00000000-0000-4000-8000-000000000000/export",
      { columns: { externalId: "id", fullName: "name", email: "mail" } },
    );
    expect(gone.status).toBe(404);
    const lacking = await start(file.fileKey, {
      columns: {
        externalId: "id",
        fullName: "name",
        email: "mail",
        jobTitle: "title",
      },
    });
    expect(lacking.status).toBe(400);
    expect(await lacking.json()).toMatchObject({
      details: {
        issues: [{ path: "title", message: "is not a column of this file" }],
      },
    });
    const jobs = await app.request("/api/jobs?type=import.preview");
    const { items } = (await jobs.json()) as { items: Job[] };
    expect(items.every((j) => j.status !== "failed")).toBe(true);
  });

  it("refuses a file with no rows or a column named twice, keeping nothing", async () => {
    const uploads = join(filesDir, "uploads", "imports");
    const kept = () => (existsSync(uploads) ? readdirSync(uploads) : []);
    const before = kept();
    for (const [body, name, message] of [
      ["id,name,email\r\n", "header.csv", "holds no rows after its header"],
      [
        "id,name,email\r\n1,Ada\r\n2,Ben\r\n",
        "short.csv",
        "holds no row that can be read: row 2",
      ],
      ["version: 1\n\n", "empty.ldif", "holds no person entries"],
      ["id,note,note\r\n1,a,b\r\n", "twice.csv", "more than once"],
    ]) {
      const res = await app.request(`/api/imports/files?name=${name}`, {
        method: "POST",
        body,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(message);
    }
    const left = (dir: string) =>
      readdirSync(join(uploads, dir)).filter((f) => !f.includes("partial"));
    expect(
      kept()
        .filter((d) => !before.includes(d))
        .flatMap(left),
    ).toEqual([]);
  });

  it("answers 404 for a job that does not exist", async () => {
    const res = await app.request(
      "/api/jobs/00000000-0000-4000-8000-000000000000",
    );
    expect(res.status).toBe(404);
  });
});
