import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SettingsError, staticSource } from "@roster/config";
import { migrationsFolder } from "@roster/db";
import {
  openSharedTestDatabase,
  type SharedTestDatabase,
} from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledMigrationsDir, runMigrations } from "./migrate.js";

// The migrator runs against a server by URL, as in AWS; the embedded
// database has none to give.
const server = Boolean(process.env.DATABASE_URL);
const skipped = server ? "" : " (skipped: needs DATABASE_URL, a server)";

let database: SharedTestDatabase;
beforeAll(async () => {
  if (server) database = await openSharedTestDatabase();
});
afterAll(() => database?.close());

/** A copy of the migrations as `copyFiles` bundles them, to tamper with. */
function bundledCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "roster-migrator-")), "drizzle");
  cpSync(migrationsFolder, dir, { recursive: true });
  return dir;
}

const journalEntries = () =>
  (
    JSON.parse(
      readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8"),
    ) as { entries: unknown[] }
  ).entries.length;

describe.skipIf(!server)(`the deploy-time migrator${skipped}`, () => {
  it("finds the migrations copied to the Lambda's root", () => {
    expect(bundledMigrationsDir({ LAMBDA_TASK_ROOT: "/var/task" })).toBe(
      join("/var/task", "drizzle"),
    );
    expect(bundledMigrationsDir({})).toBe(migrationsFolder);
  });

  it("brings a database up to date from the bundled copy", async () => {
    const report = await runMigrations(
      staticSource({
        DATABASE_URL: database.url,
        ROSTER_MIGRATIONS_DIR: bundledCopy(),
      }),
    );
    expect(report.migrations).toBe(journalEntries());
  });

  it("fails, and so fails the deploy, when a migration fails", async () => {
    const dir = bundledCopy();
    const journalFile = join(dir, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
      entries: { idx: number; when: number; tag: string }[];
    };
    const last = journal.entries.at(-1);
    if (!last) throw new Error("the journal has no migrations");
    const tag = "9999_refers_to_nothing";
    journal.entries.push({
      ...last,
      idx: last.idx + 1,
      when: last.when + 1,
      tag,
    });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(
      join(dir, `${tag}.sql`),
      "alter table roster_no_such_table add column x int;",
    );
    await expect(
      runMigrations(
        staticSource({
          DATABASE_URL: database.url,
          ROSTER_MIGRATIONS_DIR: dir,
        }),
      ),
    ).rejects.toThrow(/roster_no_such_table/);
  });

  it("refuses to run without drizzle's journal", async () => {
    const empty = mkdtempSync(join(tmpdir(), "roster-migrator-"));
    await expect(
      runMigrations(
        staticSource({
          DATABASE_URL: database.url,
          ROSTER_MIGRATIONS_DIR: empty,
        }),
      ),
    ).rejects.toThrow(/migration journal is missing: .*_journal\.json/);
  });

  it("names the database when it is not configured", async () => {
    await expect(runMigrations(staticSource({}))).rejects.toThrow(
      SettingsError,
    );
  });
});
