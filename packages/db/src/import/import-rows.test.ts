import { randomUUID } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Actor,
  ColumnMapping,
  type DomainEvent,
  describeImportReport,
  EmployeeCreate,
  EmployeeSearch,
  type RosterError,
  readImportRows,
} from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading, transact } from "../context.js";
import { searchEmployees } from "../employee/search.js";
import { createEmployee } from "../employee/write.js";
import { listLocations } from "../location/operations.js";
import { openTestDatabase } from "../testing/index.js";
import { importEmployees } from "./import-employees.js";

const admin: Actor = { id: randomUUID(), role: "admin" };
const published: DomainEvent[][] = [];
let handle: DatabaseHandle;
let dir: Directory;
let scratch: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = {
    db: handle.db,
    events: { publish: async (events) => void published.push([...events]) },
  };
  scratch = mkdtempSync(join(tmpdir(), "roster-import-"));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await handle.close();
});

// A mapping a user might write for their own export.
const mapping = ColumnMapping.parse({
  columns: {
    externalId: "Employee ID",
    managerExternalId: "Manager ID",
    givenName: "First name",
    familyName: "Last name",
    email: "Work email",
    jobTitle: "Title",
    departmentName: "Team",
    locationExternalId: "Office ID",
    locationName: "Office",
    locationCountry: "Country",
  },
});

function csvFile(name: string, lines: string[]): string {
  const path = join(scratch, name);
  writeFileSync(path, `${lines.join("\r\n")}\r\n`);
  return path;
}

const importCsv = (path: string, actor = admin, batchSize = 1000) =>
  importEmployees(dir, actor, readImportRows(createReadStream(path), mapping), {
    batchSize,
  });

async function person(email: string) {
  const { items } = await searchEmployees(
    reading(dir, admin),
    EmployeeSearch.parse({ q: email }),
  );
  return items.find((e) => e.email === email);
}

const HEADER =
  "Employee ID,Manager ID,First name,Last name,Work email,Title,Team," +
  "Office ID,Office,Country";

describe("importing a hand-written export", () => {
  it("reports each problem against the right row", async () => {
    const path = csvFile("people.csv", [
      HEADER,
      "a1,,Ada,Lovelace,ada@rows.example,Chief Executive,,,,",
      "a2,a5,Ben,Later,ben@rows.example,Engineer,,,,",
      "a3,a4,Cy,Loop,cy@rows.example,Engineer,,,,",
      "a4,a3,Di,Loop,di@rows.example,Engineer,,,,",
      "a5,a1,Eve,Boss,eve@rows.example,Engineering Manager,,,,",
      "a6,a1,Fay,Copy,ADA@Rows.Example,Analyst,,,,",
      "a7,a1,Gil,,gil@rows.example,Analyst,,,,",
      "a8,a99,Hal,Nobody,hal@rows.example,Analyst,,,,",
      "a9,a1,Ivy",
    ]);
    const report = await importCsv(path, admin, 2);
    expect(report).toEqual({
      created: 6,
      updated: 0,
      unchanged: 0,
      rejected: [
        {
          row: 5,
          reasons: [
            {
              field: "Manager ID",
              message:
                "would make a reporting cycle through rows 4 and 5; " +
                "imported without this manager link",
            },
          ],
        },
        {
          row: 7,
          reasons: [
            {
              field: "Work email",
              message: "ada@rows.example is also on row 2",
            },
          ],
        },
        {
          row: 8,
          reasons: [{ field: "Last name", message: "must not be empty" }],
        },
        {
          row: 9,
          reasons: [
            {
              field: "Manager ID",
              message:
                "no one in this file or the directory has id a99; " +
                "imported without this manager link",
            },
          ],
        },
        {
          row: 10,
          reasons: [
            { field: "", message: "has 3 cells where the header has 10" },
          ],
        },
      ],
      warnings: [],
    });
    expect((await person("ben@rows.example"))?.manager?.name).toBe("Eve Boss");
    expect((await person("cy@rows.example"))?.manager?.name).toBe("Di Loop");
    expect((await person("di@rows.example"))?.manager).toBeNull();
    expect((await person("hal@rows.example"))?.manager).toBeNull();
    expect((await person("ada@rows.example"))?.givenName).toBe("Ada");
    expect(await person("gil@rows.example")).toBeUndefined();
    expect(describeImportReport(report).slice(0, 3)).toEqual([
      "6 created, 0 updated, 0 unchanged, 5 rows rejected, 0 warnings",
      "row 5: Manager ID: would make a reporting cycle through rows 4 and 5; " +
        "imported without this manager link",
      "row 7: Work email: ada@rows.example is also on row 2",
    ]);
    // Batches of two: each one's event is published as it commits, one
    // per batch, not one per person.
    const created = published.flatMap((events) =>
      events.flatMap((e) => (e.type === "employees.created" ? [e.count] : [])),
    );
    expect(created).toEqual([2, 2, 2]);

    const again = await importCsv(path);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(again.rejected.map((r) => r.row)).toEqual([5, 7, 8, 9, 10]);
  });

  it("claims a person added by hand, whatever the email's case", async () => {
    const zed = await transact(dir, admin, (ctx) =>
      createEmployee(
        ctx,
        EmployeeCreate.parse({
          email: "zed@claim.example",
          givenName: "Zed",
          familyName: "Hand",
          bio: "Added by hand",
        }),
      ),
    );
    const path = csvFile("claim.csv", [
      HEADER,
      "z1,,Zed,Hand,ZED@Claim.Example,Designer,,,,",
    ]);
    published.length = 0;
    expect(await importCsv(path)).toMatchObject({ created: 0, updated: 1 });
    const now = await person("zed@claim.example");
    expect(now).toMatchObject({
      id: zed.id,
      jobTitle: "Designer",
      bio: "Added by hand",
      version: 2,
    });
    expect(published.flat()).toEqual([
      {
        type: "employee.updated",
        id: zed.id,
        version: 2,
        fields: ["jobTitle", "externalId"],
      },
    ]);
    const other = csvFile("other-id.csv", [
      HEADER,
      "z2,,Zed,Other,zed@claim.example,Designer,,,,",
    ]);
    const refused = await importCsv(other);
    expect(refused.rejected).toEqual([
      {
        row: 2,
        reasons: [
          {
            field: "Work email",
            message:
              "belongs to someone in the directory whose HR id is z1, " +
              "not this row's",
          },
        ],
      },
    ]);
  });

  it("keys departments by name and offices by id", async () => {
    const path = csvFile("offices.csv", [
      HEADER,
      "o1,,Ann,One,ann@offices.example,,Sales,10,Harbour House,ZZ",
      "o2,,Bo,Two,bo@offices.example,,sales ,11,harbour house,GB",
      "o3,,Cat,Three,cat@offices.example,,SALES,10,Harbour House,GB",
    ]);
    const report = await importCsv(path);
    expect(report).toMatchObject({ created: 2, updated: 0 });
    expect(report.rejected).toEqual([
      {
        row: 3,
        reasons: [
          {
            field: "Office",
            message: "another office is already named harbour house",
          },
        ],
      },
    ]);
    expect(report.warnings.map((w) => w.row)).toEqual([2, 4]);
    expect(report.warnings[0]?.reasons[0]?.message).toMatch(/no time zone/);
    expect(report.warnings[1]?.reasons[0]?.message).toMatch(/row 2/);
    const ann = await person("ann@offices.example");
    const cat = await person("cat@offices.example");
    expect(cat?.department?.id).toBe(ann?.department?.id);
    expect(cat?.location?.id).toBe(ann?.location?.id);
    const offices = await listLocations(reading(dir, admin));
    expect(offices.filter((o) => o.name === "Harbour House")).toHaveLength(1);
  });

  it("lets only HR and admins import", async () => {
    const path = csvFile("denied.csv", [
      HEADER,
      "d1,,Dee,Nied,dee@denied.example,,,,,",
    ]);
    const employee: Actor = { id: randomUUID(), role: "employee" };
    let error: RosterError | undefined;
    try {
      await importCsv(path, employee);
    } catch (caught) {
      error = caught as RosterError;
    }
    expect(error?.code).toBe("forbidden");
    expect(await person("dee@denied.example")).toBeUndefined();
    const hr: Actor = { id: randomUUID(), role: "hr" };
    expect(await importCsv(path, hr)).toMatchObject({ created: 1 });
  });
});
