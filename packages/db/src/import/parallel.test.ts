import { randomUUID } from "node:crypto";
import { type Actor, ColumnMapping, readImportRows } from "@roster/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { beatJob, finishJob } from "../jobs/store.js";
import { claimedJob, openTestDatabase, retriedJob } from "../testing/index.js";
import { applyImport } from "./apply.js";
import { mayJoin } from "./apply-pages.js";
import { beginImportBatch } from "./batch.js";
import { previewImport } from "./preview.js";

// Batches written at once need a connection each: a server's.
const onServer = Boolean(process.env.DATABASE_URL);

const admin: Actor = { id: randomUUID(), role: "admin" };
const mapping = ColumnMapping.parse({
  columns: {
    externalId: "id",
    managerExternalId: "manager",
    givenName: "given",
    familyName: "family",
    email: "email",
    departmentName: "team",
  },
});

let handle: DatabaseHandle;
let dir: Directory;
beforeAll(async () => {
  handle = await openTestDatabase();
  dir = { db: handle.db, events: { publish: async () => {} } };
});
afterAll(async () => {
  await handle.close();
});

// A chief, `leads` leads under them, and `each` reports under every
// lead. The later leads' reports are in a team no one before them is,
// named by several batches of one level: it must be made by one batch
// alone before the others run together.
function org(tag: string, leads: number, each: number): string {
  const lines = ["id,manager,given,family,email,team"];
  const person = (id: string, manager: string, team: string) =>
    lines.push(`${id},${manager},G${id},F${id},${id}@${tag}.example,${team}`);
  for (let l = 1; l <= leads; l++) {
    for (let r = 1; r <= each; r++) {
      const team = l > leads / 2 ? "Late" : `Team ${r % 3}`;
      person(`${tag}r${l}x${r}`, `${tag}l${l}`, team);
    }
  }
  for (let l = 1; l <= leads; l++) person(`${tag}l${l}`, `${tag}c`, "Leads");
  person(`${tag}c`, "", "");
  return `${lines.join("\n")}\n`;
}

async function previewOf(csv: string, parallel = 1, columns = mapping) {
  const job = await claimedJob(dir, admin, "import.preview");
  await previewImport(
    dir,
    admin,
    job,
    readImportRows([new TextEncoder().encode(csv)], columns),
    { batchSize: 7, parallel },
  );
  return job.jobId;
}

// Applies previews at the same moment, as imports started together;
// how each ended.
async function applyTogether(previews: readonly string[]) {
  const results = await Promise.allSettled(
    previews.map(async (preview) =>
      applyImport(
        dir,
        admin,
        await claimedJob(dir, admin, "import.apply"),
        preview,
        { batchSize: 3 },
      ),
    ),
  );
  return results.map((r) => r.status);
}

// A preview's stored diff, row by row, with the file's tag taken out.
async function diffOf(jobId: string, tag: string) {
  return rowsOf<Record<string, unknown>>(
    await handle.db.execute(sql`
      select r.row, r.kind, r.label, r.changes, r.reasons, o.depth
      from import_rows r
      left join import_order o on o.job_id = r.job_id and o.row = r.row
      where r.job_id = ${jobId} order by r.row`),
  ).map((r) => JSON.stringify(r).replaceAll(tag, "x"));
}

// Who reports to whom, and in which department, as written.
async function written(tag: string) {
  return rowsOf<{ email: string; manager: string | null; team: string }>(
    await handle.db.execute(sql`
      select e.email, m.email as manager, d.name as team
      from employees e
      left join employees m on m.id = e.manager_id
      left join departments d on d.id = e.department_id
      where e.email like ${`%@${tag}.example`} order by e.email`),
  );
}

describe("which batches may be written at once", () => {
  const level = (depth: number | null, settles = false) => ({ depth, settles });

  it("lets pages of one level run together", () => {
    expect(mayJoin(level(3), [level(3), level(3)], 3)).toBe(true);
    expect(mayJoin(level(3), [], 2)).toBe(true);
  });

  it("keeps apart pages whose managers may be in flight", () => {
    // A page spanning two levels may hold the next page's managers.
    expect(mayJoin(level(null), [], 2)).toBe(false);
    expect(mayJoin(level(3), [level(null)], 2)).toBe(false);
    expect(mayJoin(level(3), [level(2)], 2)).toBe(false);
  });

  it("writes alone a page that settles a department or office", () => {
    expect(mayJoin(level(3, true), [], 2)).toBe(false);
    expect(mayJoin(level(3), [level(3, true)], 2)).toBe(false);
  });

  it("writes the top level one batch at a time", () => {
    // Those in or under a cycle the directory had share it with roots.
    expect(mayJoin(level(0), [], 2)).toBe(false);
    expect(mayJoin(level(1), [level(0)], 2)).toBe(false);
  });

  it("writes one at a time when asked to", () => {
    expect(mayJoin(level(3), [], 1)).toBe(false);
  });
});

describe.runIf(onServer)("staging and writing batches at once", () => {
  it("writes what one batch at a time writes", async () => {
    const oneAtATime = await previewOf(org("seq", 4, 9));
    const together = await previewOf(org("par", 4, 9));
    const apply = (preview: string, parallel: number) =>
      claimedJob(dir, admin, "import.apply").then((job) =>
        applyImport(dir, admin, job, preview, { batchSize: 4, parallel }),
      );
    const counts = await apply(together, 3);
    expect(counts).toEqual(await apply(oneAtATime, 1));
    expect(counts.created).toBe(41);
    const rename = (rows: Awaited<ReturnType<typeof written>>) =>
      rows.map((r) => JSON.stringify(r).replaceAll(/seq|par/g, "x"));
    expect(rename(await written("par"))).toEqual(rename(await written("seq")));
    const teams = rowsOf<{ n: number }>(
      await handle.db.execute(
        sql`select count(*)::int as n from departments
          where name like 'Team %' or name = 'Late'`,
      ),
    );
    expect(teams[0]?.n).toBe(4);
  });

  it("lets two imports make the same new department at once", async () => {
    for (let round = 0; round < 4; round++) {
      const file = (tag: string) =>
        `id,manager,given,family,email,team\n${Array.from(
          { length: 12 },
          (_, i) =>
            `${tag}${round}x${i},,G,F${i},${tag}${round}x${i}@twin.example,Twin ${round}`,
        ).join("\n")}\n`;
      const previews = [await previewOf(file("a")), await previewOf(file("b"))];
      expect(await applyTogether(previews)).toEqual(["fulfilled", "fulfilled"]);
      const teams = rowsOf<{ n: number }>(
        await handle.db.execute(sql`select count(*)::int as n
          from employees e join departments d on d.id = e.department_id
          where d.name = ${`Twin ${round}`}`),
      );
      expect(teams[0]?.n).toBe(24);
    }
  });

  it("refuses, not fails on, people another import adds at the same moment", async () => {
    for (let round = 0; round < 3; round++) {
      // Two previews of one file of new people, applied together.
      const file = `id,manager,given,family,email,team\n${Array.from(
        { length: 30 },
        (_, i) =>
          `same${round}x${i},,G,F${i},same${round}x${i}@same.example,Same`,
      ).join("\n")}\n`;
      const previews = [await previewOf(file), await previewOf(file)];
      expect(await applyTogether(previews)).toEqual(["fulfilled", "fulfilled"]);
      const people = rowsOf<{ n: number }>(
        await handle.db.execute(sql`select count(*)::int as n from employees
          where email like ${`same${round}x%`}`),
      );
      expect(people[0]?.n).toBe(30);
      // Each row is written by one import and refused by the other.
      const outcomes = rowsOf<{ applied: string; n: number }>(
        await handle.db.execute(sql`select applied, count(*)::int as n
          from import_rows where job_id in (${previews[0]}, ${previews[1]})
          group by applied order by applied`),
      );
      expect(outcomes).toEqual([
        { applied: "created", n: 30 },
        { applied: "rejected", n: 30 },
      ]);
    }
  });

  it("lets two imports make the same new office at once", async () => {
    const offices = ColumnMapping.parse({
      columns: {
        externalId: "id",
        givenName: "given",
        familyName: "family",
        email: "email",
        locationExternalId: "office",
        locationName: "office name",
        locationCountry: "country",
      },
    });
    for (let round = 0; round < 4; round++) {
      const file = (tag: string) =>
        `id,given,family,email,office,office name,country\n${Array.from(
          { length: 12 },
          (_, i) =>
            `${tag}${round}o${i},G,F${i},${tag}${round}o${i}@twin-office.example,` +
            `TO${round},Twin Office ${round},NO`,
        ).join("\n")}\n`;
      const previews = [
        await previewOf(file("a"), 1, offices),
        await previewOf(file("b"), 1, offices),
      ];
      expect(await applyTogether(previews)).toEqual(["fulfilled", "fulfilled"]);
      const placed = rowsOf<{ n: number }>(
        await handle.db.execute(sql`select count(*)::int as n
          from employees e join locations l on l.id = e.location_id
          where l.external_id = ${`TO${round}`}`),
      );
      expect(placed[0]?.n).toBe(24);
    }
  });

  it("beats the heartbeat while batches hold the job", async () => {
    const job = await claimedJob(dir, admin, "import.apply");
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let entered = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const batch = transact(dir, admin, async (ctx) => {
      await beginImportBatch(ctx.tx, job);
      entered();
      await held;
    });
    await inside;
    // Batches overlapping without a gap must not starve the heartbeat.
    const beat = await beatJob(dir, admin, job.jobId, job.attempt, {
      done: 1,
      total: 2,
    });
    expect(beat.current).toBe(true);
    // Ending the job still waits for the batch to commit.
    let ended = false;
    const ending = finishJob(dir, admin, job.jobId, job.attempt, {
      status: "failed",
      error: "stopped",
    }).then(() => {
      ended = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ended).toBe(false);
    release();
    await batch;
    await ending;
    expect(ended).toBe(true);
  });

  it("stages batches at once into the same diff", async () => {
    const csv = (tag: string) =>
      `${org(tag, 3, 10)}bad,,,,bad@${tag}.example,\n${tag}l1,,A,Copy,copy@${tag}.example,\n`;
    const alone = await previewOf(csv("one"));
    const together = await previewOf(csv("two"), 3);
    const diff = await diffOf(together, "two");
    expect(diff).toEqual(await diffOf(alone, "one"));
    expect(diff).toHaveLength(36);
  });

  it("stops staging at the file's error with batches in flight", async () => {
    const job = await claimedJob(dir, admin, "import.preview");
    async function* broken() {
      const csv = org("broken", 3, 10);
      yield* readImportRows([new TextEncoder().encode(csv)], mapping);
      throw new Error("unexpected end of file");
    }
    await expect(
      previewImport(dir, admin, job, broken(), { batchSize: 3, parallel: 2 }),
    ).rejects.toThrow("unexpected end of file");
  });

  it("stops with batches in flight and resumes to one clean run", async () => {
    const preview = await previewOf(org("stop", 3, 12));
    const job = await claimedJob(dir, admin, "import.apply");
    let launched = 0;
    await expect(
      applyImport(dir, admin, job, preview, {
        batchSize: 4,
        parallel: 2,
        checkStopped: () => {
          if (++launched === 6) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    const part = (await written("stop")).length;
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(40);
    const retried = await retriedJob(dir, admin, job, "worker killed");
    const counts = await applyImport(dir, admin, retried, preview, {
      batchSize: 4,
      parallel: 2,
    });
    expect(counts).toMatchObject({ created: 40, rejected: 0 });
    const people = await written("stop");
    expect(people).toHaveLength(40);
    expect(people.filter((p) => p.manager === null)).toEqual([
      { email: "stopc@stop.example", manager: null, team: null },
    ]);
    expect(
      people.every((p) => p.email.startsWith("stopc") || p.manager !== null),
    ).toBe(true);
  });
});
