import { randomUUID } from "node:crypto";
import {
  type Actor,
  ColumnMapping,
  EmployeeCreate,
  EmployeeSearch,
  readImportRows,
} from "@roster/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { rowsOf } from "../employee/read.js";
import { searchEmployees } from "../employee/search.js";
import { createEmployee, updateEmployee } from "../employee/write.js";
import { claimedJob, openTestDatabase, retriedJob } from "../testing/index.js";
import { applyImport } from "./apply.js";
import { readImportDiff } from "./diff.js";
import { type ImportJobRef, previewImport } from "./preview.js";

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
    externalId: "Employee ID",
    managerExternalId: "Manager ID",
    givenName: "First name",
    familyName: "Last name",
    email: "Work email",
    jobTitle: "Title",
    departmentName: "Team",
  },
});
const HEADER =
  "Employee ID,Manager ID,First name,Last name,Work email,Title,Team";

const bytes = (lines: string[]) => [
  new TextEncoder().encode(`${lines.join("\r\n")}\r\n`),
];

const startJob = (type: string): Promise<ImportJobRef> =>
  claimedJob(dir, admin, type);

async function preview(lines: string[], batchSize = 2) {
  const job = await startJob("import.preview");
  const counts = await previewImport(
    dir,
    admin,
    job,
    readImportRows(bytes(lines), mapping),
    { batchSize },
  );
  return { job, counts };
}

async function diff(jobId: string) {
  return (await readImportDiff(reading(dir, admin), jobId, { limit: 1000 }))
    .items;
}

async function person(email: string) {
  const { items } = await searchEmployees(
    reading(dir, admin),
    EmployeeSearch.parse({ q: email }),
  );
  return items.find((e) => e.email === email);
}

const FILE = [
  HEADER,
  "p1,,Ada,Lovelace,ada@diff.example,Chief Executive,Board",
  "p2,p5,Ben,Later,ben@diff.example,Engineer,Engineering",
  "p3,p4,Cy,Loop,cy@diff.example,Engineer,Engineering",
  "p4,p3,Di,Loop,di@diff.example,Engineer,Engineering",
  "p5,p1,Eve,Boss,eve@diff.example,Engineering Manager,Engineering",
  "p6,p1,Fay,Copy,ADA@Diff.Example,Analyst,",
  ",,,,,,",
  "p7,p1,Gil,,gil@diff.example,Analyst,",
];

const OFFICES = ColumnMapping.parse({
  columns: {
    externalId: "id",
    managerExternalId: "manager",
    givenName: "given",
    familyName: "family",
    email: "email",
    locationExternalId: "office",
    locationName: "office name",
    locationCity: "city",
    locationCountry: "country",
  },
});
const OFFICE_HEADER =
  "id,manager,given,family,email,office,office name,city,country";

async function previewOffices(lines: string[]) {
  const job = await startJob("import.preview");
  await previewImport(
    dir,
    admin,
    job,
    readImportRows(bytes([OFFICE_HEADER, ...lines]), OFFICES),
    { batchSize: 1 },
  );
  return job;
}

async function previewAndApplyOffices(lines: string[]) {
  const job = await previewOffices(lines);
  const apply = await startJob("import.apply");
  return { job, counts: await applyImport(dir, admin, apply, job.jobId) };
}

/** Applies a preview one row a batch, stopped after `batches`, then resumed. */
async function applyStoppedAfter(batches: number, previewJobId: string) {
  const apply = await startJob("import.apply");
  let started = 0;
  await expect(
    applyImport(dir, admin, apply, previewJobId, {
      batchSize: 1,
      checkStopped: () => {
        if (++started === batches) throw new Error("worker killed");
      },
    }),
  ).rejects.toThrow("worker killed");
  const retried = await retriedJob(dir, admin, apply, "worker killed");
  return applyImport(dir, admin, retried, previewJobId, { batchSize: 1 });
}

async function cityOf(office: string) {
  const [row] = rowsOf<{ city: string }>(
    await handle.db.execute(
      sql`select city from locations where external_id = ${office}`,
    ),
  );
  return row?.city;
}

describe("previewing and applying an import", () => {
  it("previews a diff, then applies exactly it", async () => {
    const { job, counts } = await preview(FILE);
    expect(counts).toEqual({
      new: 5,
      changed: 0,
      unchanged: 0,
      rejected: 2,
      problems: 3,
    });
    const rows = await diff(job.jobId);
    expect(rows.map((r) => [r.row, r.kind])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "new"],
      [5, "new"],
      [6, "new"],
      [7, "rejected"],
      [9, "rejected"],
    ]);
    expect(rows[3]?.reasons).toEqual([
      {
        field: "Manager ID",
        message:
          "would make a reporting cycle through rows 4 and 5; " +
          "imported without this manager link",
      },
    ]);
    expect(rows[3]?.changes.map((c) => c.field)).not.toContain("manager");
    expect(rows[5]?.reasons).toEqual([
      { field: "Work email", message: "ada@diff.example is also on row 2" },
    ]);
    expect(rows[1]?.changes).toEqual([
      { field: "externalId", before: null, after: "p2" },
      { field: "email", before: null, after: "ben@diff.example" },
      { field: "givenName", before: null, after: "Ben" },
      { field: "familyName", before: null, after: "Later" },
      { field: "jobTitle", before: null, after: "Engineer" },
      { field: "department", before: null, after: "Engineering" },
      { field: "manager", before: null, after: "p5" },
    ]);
    // A new row stores only its manager link; the rest is its record.
    const stored = rowsOf<{ changes: unknown }>(
      await handle.db.execute(sql`select changes from import_rows
        where job_id = ${job.jobId} and row = 3`),
    );
    expect(stored[0]?.changes).toEqual([
      { field: "manager", before: null, after: "p5" },
    ]);
    expect(await person("ada@diff.example")).toBeUndefined();

    const apply = await startJob("import.apply");
    const applied = await applyImport(dir, admin, apply, job.jobId, {
      batchSize: 2,
    });
    expect(applied).toEqual({
      created: 5,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      resumedAtRow: 0,
    });
    expect((await person("ben@diff.example"))?.manager?.name).toBe("Eve Boss");
    expect((await person("cy@diff.example"))?.manager?.name).toBe("Di Loop");
    expect((await person("di@diff.example"))?.manager).toBeNull();
    const after = await diff(job.jobId);
    expect(after[3]?.reasons).toHaveLength(1);

    const second = await preview(FILE);
    expect(second.counts).toMatchObject({ new: 0, changed: 0, unchanged: 5 });
  });

  it("shows each changed field's before and after", async () => {
    const { job, counts } = await preview([
      HEADER,
      "p1,,Ada,Lovelace,ada@diff.example,Chair,Board",
      "p2,p1,Ben,Later,ben@diff.example,Engineer,Engineering",
    ]);
    expect(counts).toMatchObject({ changed: 2, unchanged: 0 });
    const rows = await diff(job.jobId);
    expect(rows[0]?.changes).toEqual([
      { field: "jobTitle", before: "Chief Executive", after: "Chair" },
    ]);
    expect(rows[1]?.changes).toEqual([
      { field: "manager", before: "p5", after: "p1" },
    ]);
    const apply = await startJob("import.apply");
    expect(await applyImport(dir, admin, apply, job.jobId)).toMatchObject({
      updated: 2,
      unchanged: 0,
    });
    expect((await person("ada@diff.example"))?.jobTitle).toBe("Chair");
    expect((await person("ben@diff.example"))?.manager?.name).toBe(
      "Ada Lovelace",
    );
  });

  it("settles each guessed manager change once the file is in", async () => {
    const add = (givenName: string, managerId: string | null = null) =>
      transact(dir, admin, (ctx) =>
        createEmployee(
          ctx,
          EmployeeCreate.parse({
            email: `${givenName.toLowerCase()}@guess.example`,
            givenName,
            familyName: "Guess",
            managerId,
          }),
        ),
      );
    // Mia manages Pat but has no HR id yet: the file gives her one.
    const mia = await add("Mia");
    await add("Pat", mia.id);
    const { job, counts } = await preview([
      HEADER,
      "g1,,Mia,Guess,mia@guess.example,,",
      "g2,g1,Pat,Guess,pat@guess.example,,",
      "g3,g9,Una,Guess,una@guess.example,,",
      "g4,g2,Vic,Guess,vic@guess.example,,",
    ]);
    expect(counts).toMatchObject({ new: 2, changed: 2, rejected: 0 });
    const rows = await diff(job.jobId);
    const fields = (row: number) =>
      rows.find((r) => r.row === row)?.changes.map((c) => c.field);
    // Pat's manager stays Mia, and Una's is nobody yet: neither changes.
    expect(fields(3)).toEqual(["externalId"]);
    expect(fields(4)).not.toContain("manager");
    expect(rows.find((r) => r.row === 5)?.changes).toContainEqual({
      field: "manager",
      before: null,
      after: "g2",
    });
    const apply = await startJob("import.apply");
    await applyImport(dir, admin, apply, job.jobId);
    expect((await person("pat@guess.example"))?.manager?.name).toBe(
      "Mia Guess",
    );
    expect((await person("vic@guess.example"))?.manager?.name).toBe(
      "Pat Guess",
    );
  });

  it("keeps an office's first details when a stopped apply resumes", async () => {
    const job = await previewOffices([
      "o0,,Ola,Boss,ola@office.example,,,,",
      "o1,o0,Ann,Rome,ann@office.example,OF1,Resumed Office,Rome,IT",
      "o2,o0,Bo,Milan,bo@office.example,OF1,Resumed Office,Milan,IT",
    ]);
    await applyStoppedAfter(2, job.jobId);
    expect(await cityOf("OF1")).toBe("Rome");
    const rows = await diff(job.jobId);
    expect(rows.find((r) => r.row === 4)?.warnings).toEqual([
      {
        field: "office name",
        message:
          "office OF1 is described differently on row 3; the details " +
          "from row 3 were kept",
      },
    ]);
  });

  it("takes an office's details from no row the resumed apply refuses", async () => {
    const ann = await transact(dir, admin, (ctx) =>
      createEmployee(
        ctx,
        EmployeeCreate.parse({
          email: "ann@stale-office.example",
          givenName: "Ann",
          familyName: "Rome",
        }),
      ),
    );
    const job = await previewOffices([
      "s0,,Sol,Boss,sol@stale-office.example,,,,",
      "s1,s0,Ann,Rome,ann@stale-office.example,OF2,Stale Office,Rome,IT",
      "s2,s0,Bo,Milan,bo@stale-office.example,OF2,Stale Office,Milan,IT",
    ]);
    // Ann is edited after the preview: her row will be refused.
    await transact(dir, admin, (ctx) =>
      updateEmployee(ctx, ann.id, ann.version, { bio: "Edited meanwhile" }),
    );
    await applyStoppedAfter(1, job.jobId);
    // As one clean run: Bo's row is the first written, so Milan it is.
    expect(await cityOf("OF2")).toBe("Milan");
    const rows = await diff(job.jobId);
    expect(rows.find((r) => r.row === 4)?.warnings).toEqual([]);
  });

  it("refuses at apply an office whose name was taken since the preview", async () => {
    const later = await previewOffices([
      "pp2,,Pat,Other,pat@paris.example,PA2,Paris Office,Lyon,FR",
      "pp3,,Pol,Paris,pol@paris.example,PA3,Lille Office,Lille,FR",
    ]);
    // Between that preview and its apply, another import adds PA1.
    await previewAndApplyOffices([
      "pp1,,Pia,Paris,pia@paris.example,PA1,Paris Office,Paris,FR",
    ]);
    const apply = await startJob("import.apply");
    const counts = await applyImport(dir, admin, apply, later.jobId);
    expect(counts).toMatchObject({ created: 1, rejected: 1 });
    expect(await person("pol@paris.example")).toBeDefined();
    expect(await person("pat@paris.example")).toBeUndefined();
    const rows = await diff(later.jobId);
    expect(rows[0]?.reasons).toEqual([
      {
        field: "office name",
        message: "another office is already named Paris Office",
      },
    ]);
  });

  it("rejects at preview the rows of a second office with a name taken", async () => {
    const job = await previewOffices([
      "t1,,Tia,Two,tia@twin-office.example,TW1,Twinsburg,,US",
      "t2,,Tom,Two,tom@twin-office.example,TW2,twinsburg,,US",
      "t3,,Tay,Two,tay@twin-office.example,TW1,Twinsburg,,US",
    ]);
    const rows = await diff(job.jobId);
    expect(rows.map((r) => r.kind)).toEqual(["new", "rejected", "new"]);
    expect(rows[1]).toMatchObject({
      label: "Tom Two <tom@twin-office.example>",
      reasons: [
        {
          field: "office name",
          message: "another office is already named twinsburg",
        },
      ],
    });
    const apply = await startJob("import.apply");
    expect(await applyImport(dir, admin, apply, job.jobId)).toMatchObject({
      created: 2,
      rejected: 1,
    });
  });

  it("lets an office keep a name only rejected rows also give", async () => {
    await previewAndApplyOffices([
      "n1,,Nia,One,nia@nantes.example,,,,",
      "n2,,Ned,Two,ned@nantes.example,,,,",
      "n4,,Noa,Own,noa@nantes.example,NA1,Nantes Office,Nantes,FR",
    ]);
    const job = await previewOffices([
      // Refused for its person (one's id, the other's email)...
      "n1,,Nia,One,ned@nantes.example,NX1,nantes office,Nantes,FR",
      // ...or because the directory's NA1 holds the name.
      "n3,,Nat,Three,nat@nantes.example,NX2,NANTES OFFICE,Nantes,FR",
      "n4,,Noa,Own,noa@nantes.example,NA1,Nantes Office,Nantes,FR",
      // An office goes by its first row's name, not by a later row's.
      "n5,,Nil,Five,nil@nantes.example,NB1,Brest Office,Brest,FR",
      "n6,,Nye,Six,nye@nantes.example,NB2,Lorient Office,Lorient,FR",
      "n7,,Nox,Seven,nox@nantes.example,NB1,Lorient Office,Lorient,FR",
    ]);
    const rows = await diff(job.jobId);
    expect(rows.map((r) => [r.row, r.kind])).toEqual([
      [2, "rejected"],
      [3, "rejected"],
      [4, "unchanged"],
      [5, "new"],
      [6, "new"],
      [7, "new"],
    ]);
  });

  it("makes a department again when its batch is retried", async () => {
    const { job } = await preview([
      HEADER,
      "d1,,Dee,Lock,dee@lock.example,Chief,Retried Team",
      "d2,d1,Dan,Lock,dan@lock.example,Clerk,Retried Team",
    ]);
    // The first batch's transaction loses a deadlock after its work, so
    // it is rolled back and run again, as PostgreSQL's loser would be.
    let lose = true;
    const db = new Proxy(handle.db, {
      get(target, key, receiver) {
        if (key !== "transaction") return Reflect.get(target, key, receiver);
        const run: typeof target.transaction = (work, config) =>
          target.transaction(async (tx) => {
            const value = await work(tx);
            const wrote = await tx.execute(
              sql`select 1 from departments where name = 'Retried Team'`,
            );
            if (lose && rowsOf(wrote).length > 0) {
              lose = false;
              throw Object.assign(new Error("deadlock detected"), {
                code: "40P01",
              });
            }
            return value;
          }, config);
        return run;
      },
    });
    const apply = await startJob("import.apply");
    const counts = await applyImport({ ...dir, db }, admin, apply, job.jobId);
    expect(lose).toBe(false);
    expect(counts).toMatchObject({ created: 2, rejected: 0 });
    expect((await person("dan@lock.example"))?.department?.name).toBe(
      "Retried Team",
    );
  });

  it("leaves a person edited after the preview alone", async () => {
    const { job } = await preview([
      HEADER,
      "p1,,Ada,Lovelace,ada@diff.example,Founder,Board",
    ]);
    const ada = await person("ada@diff.example");
    if (!ada) throw new Error("Ada is missing");
    await transact(dir, admin, (ctx) =>
      updateEmployee(ctx, ada.id, ada.version, { bio: "Edited meanwhile" }),
    );
    const apply = await startJob("import.apply");
    expect(await applyImport(dir, admin, apply, job.jobId)).toMatchObject({
      updated: 0,
      rejected: 1,
    });
    expect((await person("ada@diff.example"))?.jobTitle).toBe("Chair");
    const [row] = await diff(job.jobId);
    expect(row?.reasons[0]?.message).toMatch(/changed in the directory after/);
  });

  it("names the column of someone added by hand after the preview", async () => {
    const { job } = await preview([
      HEADER,
      "q1,,Quin,Added,quin@added.example,Analyst,",
    ]);
    await transact(dir, admin, (ctx) =>
      createEmployee(
        ctx,
        EmployeeCreate.parse({
          email: "quin@added.example",
          givenName: "Quin",
          familyName: "ByHand",
        }),
      ),
    );
    const apply = await startJob("import.apply");
    expect(await applyImport(dir, admin, apply, job.jobId)).toMatchObject({
      created: 0,
      rejected: 1,
    });
    const [row] = await diff(job.jobId);
    expect(row?.reasons).toEqual([
      {
        field: "Work email",
        message:
          "someone with this email or id was added to the directory after " +
          "the preview; preview the file again",
      },
    ]);
    expect((await person("quin@added.example"))?.familyName).toBe("ByHand");
  });

  it("resumes a stopped apply and ends as one clean run", async () => {
    const lines = [HEADER];
    for (let i = 1; i <= 9; i++) {
      const manager = i === 1 ? "" : `r${i + 1 > 9 ? 1 : i + 1}`;
      lines.push(`r${i},${manager},Res${i},Umed,r${i}@resume.example,,`);
    }
    const { job } = await preview(lines, 3);
    const apply = await startJob("import.apply");
    let batches = 0;
    await expect(
      applyImport(dir, admin, apply, job.jobId, {
        batchSize: 3,
        checkStopped: () => {
          if (++batches === 2) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    // Managers first: r1, then r9 down to r5 made it; r4 to r2 did not.
    expect(await person("r5@resume.example")).toBeDefined();
    expect(await person("r4@resume.example")).toBeUndefined();
    const retried = await retriedJob(dir, admin, apply, "worker killed");
    const counts = await applyImport(dir, admin, retried, job.jobId, {
      batchSize: 3,
    });
    expect(counts).toEqual({
      created: 9,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      resumedAtRow: 5,
    });
    expect((await person("r2@resume.example"))?.manager?.name).toBe(
      "Res3 Umed",
    );
  });

  it("stops with the file's error while a batch is being staged", async () => {
    const job = await startJob("import.preview");
    async function* broken() {
      const rows = readImportRows(bytes(FILE.slice(0, 6)), mapping);
      for await (const row of rows) yield row;
      throw new Error("unexpected end of file");
    }
    await expect(
      previewImport(dir, admin, job, broken(), { batchSize: 2 }),
    ).rejects.toThrow("unexpected end of file");
  });

  it("stops between batches when the job is cancelled", async () => {
    const job = await startJob("import.preview");
    let batches = 0;
    await expect(
      previewImport(dir, admin, job, readImportRows(bytes(FILE), mapping), {
        batchSize: 2,
        checkStopped: () => {
          if (++batches === 1) throw new Error("cancelled");
        },
      }),
    ).rejects.toThrow("cancelled");
    expect(batches).toBe(1);
  });

  it("forgets a job's staged rows when the job is deleted", async () => {
    const kept = await preview(FILE);
    const gone = await preview(FILE);
    const staged = async (jobId: string) =>
      rowsOf<{ rows: number; order: number }>(
        await handle.db.execute(sql`select
          (select count(*)::int from import_rows where job_id = ${jobId})
            as rows,
          (select count(*)::int from import_order where job_id = ${jobId})
            as order`),
      )[0];
    expect(await staged(gone.job.jobId)).toEqual({ rows: 7, order: 5 });
    await handle.db.execute(sql`delete from jobs where id = ${gone.job.jobId}`);
    expect(await staged(gone.job.jobId)).toEqual({ rows: 0, order: 0 });
    expect(await staged(kept.job.jobId)).toEqual({ rows: 7, order: 5 });
  });
});
