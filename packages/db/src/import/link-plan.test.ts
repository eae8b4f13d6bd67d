import { randomUUID } from "node:crypto";
import { type Actor, ColumnMapping, readImportRows } from "@roster/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { updateEmployee } from "../employee/write.js";
import { claimedJob, openTestDatabase, retriedJob } from "../testing/index.js";
import { applyImport } from "./apply.js";
import { readImportDiff } from "./diff.js";
import { previewImport } from "./preview.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
let handle: DatabaseHandle;
let dir: Directory;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = { db: handle.db, events: { publish: async () => {} } };
});
afterAll(async () => {
  await handle.close();
});

const mapping = ColumnMapping.parse({
  columns: {
    externalId: "id",
    managerExternalId: "manager",
    givenName: "given",
    familyName: "family",
    email: "email",
  },
});

const job = (type: string) => claimedJob(dir, admin, type);

function csv(rows: string[][]) {
  const text = ["id,manager,given,family,email"]
    .concat(
      rows.map(([id, manager, name]) => {
        return `${id},${manager},${name},Plan,${id}@plan.example`;
      }),
    )
    .join("\n");
  return readImportRows([new TextEncoder().encode(text)], mapping);
}

/** Previews and applies `rows` (id, manager, name), returning the diff. */
async function importPeople(rows: string[][], batchSize = 2) {
  const preview = await job("import.preview");
  const counts = await previewImport(dir, admin, preview, csv(rows), {
    batchSize,
  });
  const { items } = await readImportDiff(reading(dir, admin), preview.jobId, {
    limit: 1000,
  });
  const applied = await applyImport(
    dir,
    admin,
    await job("import.apply"),
    preview.jobId,
    { batchSize },
  );
  return { counts, items, applied };
}

async function managerOf(externalId: string) {
  const rows = rowsOf<{ manager: string | null }>(
    await handle.db.execute(sql`
      select m.external_id as manager from employees e
      left join employees m on m.id = e.manager_id
      where e.external_id = ${externalId}`),
  );
  return rows[0]?.manager;
}

/**
 * Moves `<prefix>3` from under `<prefix>1` to under `<prefix>2` with an
 * apply stopped after its first pass, runs `meanwhile`, then retries
 * the apply to the end.
 */
// HR takes someone off their manager by hand.
async function clearManagerByHand(externalId: string) {
  const [person] = rowsOf<{ id: string; version: number }>(
    await handle.db.execute(
      sql`select id, version from employees where external_id = ${externalId}`,
    ),
  );
  if (!person) throw new Error(`${externalId} is missing`);
  await transact(dir, admin, (ctx) =>
    updateEmployee(ctx, person.id, person.version, { managerId: null }),
  );
}

// Applies a preview in a worker killed after its first batch, runs
// `meanwhile`, then applies it again as the retried job.
async function applyWithStop(previewJobId: string, meanwhile = async () => {}) {
  const first = await job("import.apply");
  await expect(
    applyImport(dir, admin, first, previewJobId, {
      checkStopped: () => {
        throw new Error("worker killed");
      },
    }),
  ).rejects.toThrow("worker killed");
  await meanwhile();
  const retried = await retriedJob(dir, admin, first, "worker killed");
  return applyImport(dir, admin, retried, previewJobId);
}

async function reparentWithStop(prefix: string, meanwhile = async () => {}) {
  await importPeople([
    [`${prefix}1`, "", "Boss"],
    [`${prefix}2`, `${prefix}1`, "Lead"],
    [`${prefix}3`, `${prefix}1`, "Mover"],
  ]);
  const preview = await job("import.preview");
  const file = csv([[`${prefix}3`, `${prefix}2`, "Mover"]]);
  await previewImport(dir, admin, preview, file);
  const counts = await applyWithStop(preview.jobId, meanwhile);
  return { counts, previewJobId: preview.jobId };
}

describe("planning an import's manager links", () => {
  it("refuses a link that loops through the directory", async () => {
    await importPeople([
      ["d1", "", "Root"],
      ["d2", "d1", "Middle"],
      ["d3", "d2", "Leaf"],
    ]);
    // d1 now to report to d3 would close d1 → d3 → d2 → d1.
    const { items } = await importPeople([["d1", "d3", "Root"]]);
    expect(items[0]?.reasons).toEqual([
      {
        field: "manager",
        message:
          "would make a reporting cycle through row 2, with 2 people " +
          "already in the directory; imported without this manager link",
      },
    ]);
    expect(await managerOf("d1")).toBeNull();
    expect(await managerOf("d3")).toBe("d2");
  });

  it("reports a manager nobody has and imports the person", async () => {
    const { items, applied } = await importPeople([["u1", "ghost", "Lone"]]);
    expect(items[0]?.reasons[0]?.message).toBe(
      "no one in this file or the directory has id ghost; " +
        "imported without this manager link",
    );
    expect(applied.created).toBe(1);
    expect(await managerOf("u1")).toBeNull();
  });

  it("leaves a cycle the directory already had alone", async () => {
    await importPeople([
      ["c1", "", "First"],
      ["c2", "c1", "Second"],
    ]);
    // Made behind the application's back; not the import's to break.
    await handle.db.execute(sql`
      update employees set manager_id = (
        select id from employees where external_id = 'c2')
      where external_id = 'c1'`);
    const { items, applied } = await importPeople([["c3", "c2", "Third"]]);
    expect(items[0]?.reasons).toEqual([]);
    expect(applied.created).toBe(1);
    expect(await managerOf("c3")).toBe("c2");
    expect(await managerOf("c1")).toBe("c2");
  });

  it("links a long chain written reports first", async () => {
    const length = 1500;
    const rows: string[][] = [];
    for (let i = length; i >= 1; i--) {
      rows.push([`k${i}`, i === 1 ? "" : `k${i - 1}`, `Chain${i}`]);
    }
    const { counts, applied } = await importPeople(rows, 400);
    expect(counts).toMatchObject({ new: length, problems: 0 });
    expect(applied).toMatchObject({ created: length, rejected: 0 });
    const linked = rowsOf<{ n: number }>(
      await handle.db.execute(sql`
        select count(*)::int as n from employees e
        join employees m on m.id = e.manager_id
        where e.external_id like 'k%'
          and m.external_id = 'k' || (substr(e.external_id, 2)::int - 1)`),
    );
    expect(linked[0]?.n).toBe(length - 1);
    // Managers were written first, so each link came with the person:
    // one audit entry each, and no second write.
    const audits = rowsOf<{ n: number }>(
      await handle.db.execute(sql`
        select count(*)::int as n from audit_log
        where action = 'employee.updated' and subject_id in (
          select id from employees where external_id like 'k%')`),
    );
    expect(audits[0]?.n).toBe(0);
  });

  it("links a flat org of many reports to one boss", async () => {
    const reports = 2000;
    const rows: string[][] = [];
    for (let i = 1; i <= reports; i++)
      rows.push([`f${i}`, "fboss", `Flat${i}`]);
    rows.push(["fboss", "", "Boss"]);
    const { counts, applied } = await importPeople(rows, 500);
    expect(counts).toMatchObject({ new: reports + 1, problems: 0 });
    expect(applied).toMatchObject({ created: reports + 1, rejected: 0 });
    const under = rowsOf<{ n: number }>(
      await handle.db.execute(sql`
        select count(*)::int as n from employees e
        join employees m on m.id = e.manager_id
        where e.external_id like 'f%' and m.external_id = 'fboss'`),
    );
    expect(under[0]?.n).toBe(reports);
  });

  it("leaves a manager someone changed while the apply was stopped", async () => {
    // Between the two passes, HR moves the person elsewhere by hand.
    const { previewJobId } = await reparentWithStop("m", () =>
      clearManagerByHand("m3"),
    );
    expect(await managerOf("m3")).toBeNull();
    const { items } = await readImportDiff(reading(dir, admin), previewJobId, {
      limit: 10,
    });
    expect(JSON.stringify(items[0])).toContain(
      "was changed in the directory after the preview; its manager link " +
        "was left as it is",
    );
  });

  it("leaves alone a link it made with the person, changed since", async () => {
    const preview = await job("import.preview");
    await previewImport(
      dir,
      admin,
      preview,
      csv([
        ["lm2", "lm1", "Report"],
        ["lm1", "", "Boss"],
      ]),
    );
    const counts = await applyWithStop(preview.jobId, async () => {
      // Both are in, the report created with her manager; HR moves her.
      expect(await managerOf("lm2")).toBe("lm1");
      await clearManagerByHand("lm2");
    });
    expect(counts).toMatchObject({ created: 2, updated: 0 });
    expect(await managerOf("lm2")).toBeNull();
    const { items } = await readImportDiff(reading(dir, admin), preview.jobId);
    expect(items.flatMap((i) => i.reasons)).toEqual([]);
  });

  it("says where a run stopped before linking managers resumed", async () => {
    const { counts } = await reparentWithStop("r");
    expect(counts).toMatchObject({ updated: 1, resumedAtRow: 2 });
    expect(await managerOf("r3")).toBe("r2");
  });
});
