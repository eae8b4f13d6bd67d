/**
 * One run of the import benchmark, in a process of its own so its peak
 * memory is its own: generates an N-row CSV, imports it (preview, then
 * apply) into a throwaway server database, COPYs the same rows into a
 * scratch table of the same shape, and prints one JSON line of figures.
 */

import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Actor,
  ColumnMapping,
  discardEvents,
  readImportRows,
} from "@roster/core";
import postgres from "postgres";
import { searchFields } from "../src/employee/search-fields.js";
import { applyImport } from "../src/import/apply.js";
import { previewImport } from "../src/import/preview.js";
import { claimedJob } from "../src/testing/index.js";
import { openBenchDatabase } from "./server.js";

const admin: Actor = {
  id: "00000000-0000-4000-8000-00000000be9c",
  role: "admin",
};
const mapping = ColumnMapping.parse({
  columns: {
    externalId: "id",
    managerExternalId: "manager",
    givenName: "given",
    familyName: "family",
    email: "email",
    jobTitle: "title",
    departmentName: "team",
  },
});

function person(i: number) {
  return {
    id: `b${i}`,
    manager: i === 1 ? "" : `b${Math.floor(i / 8)}`,
    given: `Given${i}`,
    family: `Family${i % 977}`,
    email: `person${i}@bench.example`,
    title: `Title ${i % 53}`,
    team: `Team ${i % 41}`,
  };
}

async function writeCsv(path: string, rows: number) {
  const out = createWriteStream(path);
  out.write("id,manager,given,family,email,title,team\r\n");
  // Reports before their managers, so the second pass has work to do.
  for (let i = rows; i >= 1; i--) {
    const p = person(i);
    const line = `${p.id},${p.manager},${p.given},${p.family},${p.email},${p.title},${p.team}\r\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** A fixed id per generated person, so a report can name its manager's. */
function idOf(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
}

/**
 * COPYs the same rows, as the directory stores them (department and
 * manager included), into a new table shaped like `employees`: bare
 * (defaults only), or with everything a write into the directory pays
 * for: its indexes, checks and foreign keys (to the departments the
 * import made, and to each person's manager in the same table).
 */
async function copyBaseline(
  url: string,
  rows: number,
  indexed: boolean,
): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(
      `create table bench_copy (like employees including ${
        indexed ? "all" : "defaults"
      })`,
    );
    if (indexed) {
      await sql.unsafe(`alter table bench_copy
        add foreign key (department_id) references departments (id),
        add foreign key (location_id) references locations (id),
        add foreign key (manager_id) references bench_copy (id)`);
    }
    const teams = new Map(
      (
        await sql<{ id: string; name: string }[]>`
        select id, name from departments`
      ).map((d) => [d.name, d.id]),
    );
    const started = performance.now();
    const writable = await sql`copy bench_copy (id, email, given_name,
      family_name, job_title, department_id, manager_id, external_id,
      search_text, name_key, sort_key, phone_digits) from stdin`.writable();
    for (let i = rows; i >= 1; i--) {
      const p = person(i);
      const f = searchFields({
        email: p.email,
        givenName: p.given,
        familyName: p.family,
        preferredName: null,
        jobTitle: p.title,
        phones: [],
      });
      const manager = Math.floor(i / 8);
      const line = [
        idOf(i),
        p.email,
        p.given,
        p.family,
        p.title,
        teams.get(p.team) ?? "\\N",
        manager >= 1 ? idOf(manager) : "\\N",
        p.id,
        f.searchText,
        f.nameKey,
        f.sortKey,
        "",
      ].join("\t");
      if (!writable.write(`${line}\n`)) await once(writable, "drain");
    }
    writable.end();
    await once(writable, "finish");
    const ms = performance.now() - started;
    await sql`drop table bench_copy`;
    return ms;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

// Batches at once, as ROSTER_IMPORT_PARALLEL sets for the worker; 1
// shows what overlapping them gains.
const PARALLEL = Number(process.env.BENCH_IMPORT_PARALLEL ?? 2);

async function main() {
  const url = process.env.DATABASE_URL as string;
  const rows = Number(process.argv[2]);
  const scratch = mkdtempSync(join(tmpdir(), "roster-import-bench-"));
  const handle = await openBenchDatabase(url);
  try {
    const file = join(scratch, "people.csv");
    await writeCsv(file, rows);
    const directory = { db: handle.db, events: discardEvents };
    const job = (type: string) => claimedJob(directory, admin, type);
    const started = performance.now();
    const preview = await job("import.preview");
    const counts = await previewImport(
      directory,
      admin,
      preview,
      readImportRows(createReadStream(file), mapping),
      { parallel: PARALLEL },
    );
    const previewed = performance.now();
    const applied = await applyImport(
      directory,
      admin,
      await job("import.apply"),
      preview.jobId,
      { parallel: PARALLEL },
    );
    const importMs = performance.now() - started;
    const benchUrl = url.replace(/\/[^/]*$/, `/${handle.name}`);
    const copyMs = await copyBaseline(benchUrl, rows, false);
    const directoryCopyMs = await copyBaseline(benchUrl, rows, true);
    process.stdout.write(
      `${JSON.stringify({
        rows,
        created: applied.created,
        previewNew: counts.new,
        previewMs: previewed - started,
        importMs,
        copyMs,
        directoryCopyMs,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      })}\n`,
    );
  } finally {
    await handle.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
