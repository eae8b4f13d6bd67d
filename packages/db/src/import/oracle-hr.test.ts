import { randomUUID } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Actor,
  type DomainEvent,
  EmployeeSearch,
  type ImportReport,
  oracleHrMapping,
  readImportRows,
} from "@roster/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../client.js";
import { type Directory, reading } from "../context.js";
import { listDepartments } from "../department/operations.js";
import { getEmployee, getManagerChain } from "../employee/read.js";
import { countEmployees, searchEmployees } from "../employee/search.js";
import { employees } from "../employee/table.js";
import { listLocations } from "../location/operations.js";
import { openTestDatabase } from "../testing/index.js";
import { importEmployees } from "./import-employees.js";

// The shared datasets sit beside the repository, never inside it.
const DATASET = "shared/datasets/oracle-hr/employees-joined.csv";
const file = fileURLToPath(
  new URL(`../../../../../${DATASET}`, import.meta.url),
);
const missing = !existsSync(file);
const skipped = missing
  ? ` (skipped: ../${DATASET}, beside the repository, is not there)`
  : "";

const hr: Actor = { id: randomUUID(), role: "hr" };
const events: DomainEvent[] = [];
let handle: DatabaseHandle;
let dir: Directory;
let scratch: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  dir = {
    db: handle.db,
    events: { publish: async (batch) => void events.push(...batch) },
  };
  scratch = mkdtempSync(join(tmpdir(), "roster-import-"));
});
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await handle.close();
});

// Small batches, so managers often arrive in a later transaction.
const importFile = (path: string) =>
  importEmployees(
    dir,
    hr,
    readImportRows(createReadStream(path), oracleHrMapping, {
      emailDomain: "example.com",
    }),
    { batchSize: 25 },
  );

const ask = (query: object) => EmployeeSearch.parse(query);
const byEmail = async (email: string) => {
  const { items } = await searchEmployees(reading(dir, hr), ask({ q: email }));
  const found = items.find((e) => e.email === email);
  if (!found) throw new Error(`${email} was not imported`);
  return found;
};
const versions = async () =>
  handle.db
    .select({
      id: employees.id,
      version: employees.version,
      updatedAt: employees.updatedAt,
    })
    .from(employees)
    .orderBy(employees.id);
const eventTypes = () => {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
};

describe.skipIf(missing)(`importing the Oracle HR export${skipped}`, () => {
  let first: ImportReport;
  beforeAll(async () => {
    first = await importFile(file);
  });

  it("creates all 107 people and rejects none", async () => {
    expect(first).toEqual({
      created: 107,
      updated: 0,
      unchanged: 0,
      rejected: [],
      warnings: [],
    });
    const everyone = await countEmployees(reading(dir, hr), ask({}));
    expect(everyone).toBe(107);
    // Everyone but Steven King gets their manager in the second pass.
    // One event per batch of 25 new people, not one per person.
    expect(eventTypes()).toEqual({
      "department.created": 11,
      "location.created": 7,
      "employees.created": 5,
      "employee.updated": 106,
    });
    expect(
      events.flatMap((e) => (e.type === "employees.created" ? [e.count] : [])),
    ).toEqual([25, 25, 25, 25, 7]);
  });

  it("puts exactly five people in IT", async () => {
    const all = await listDepartments(reading(dir, hr));
    expect(all.map((d) => d.name).sort()).toEqual([
      "Accounting",
      "Administration",
      "Executive",
      "Finance",
      "Human Resources",
      "IT",
      "Marketing",
      "Public Relations",
      "Purchasing",
      "Sales",
      "Shipping",
    ]);
    const it = all.find((d) => d.name === "IT");
    const { items } = await searchEmployees(
      reading(dir, hr),
      ask({ department: [it?.id] }),
    );
    expect(items.map((e) => e.displayName).sort()).toEqual([
      "Alexander Hunold",
      "Bruce Ernst",
      "David Austin",
      "Diana Lorentz",
      "Valli Pataballa",
    ]);
  });

  it("puts Alexander Hunold under Lex De Haan and Steven King", async () => {
    const hunold = await byEmail("ahunold@example.com");
    const chain = await getManagerChain(reading(dir, hr), hunold.id);
    expect(chain.map((p) => p.displayName)).toEqual([
      "Steven King",
      "Lex De Haan",
    ]);
  });

  it("finds Neena Kochhar by a misspelt search", async () => {
    const { items } = await searchEmployees(
      reading(dir, hr),
      ask({ q: "kochar" }),
    );
    expect(items.map((e) => e.displayName)).toContain("Neena Kochhar");
  });

  it("stores dates, phones and offices as shown", async () => {
    const king = await byEmail("sking@example.com");
    expect(king).toMatchObject({
      startDate: "2003-07-17",
      jobTitle: "Chief Operating Officer",
      phones: [{ kind: "work", number: "+1 515 123 4567" }],
      manager: null,
      photoKey: null,
      location: { name: "2004 Charade Rd", countryCode: "US" },
    });
    const offices = await listLocations(reading(dir, hr));
    const oxford = offices.find((o) => o.region === "Oxford");
    expect(oxford).toMatchObject({
      name: "Magdalen Centre The Oxford Science Park",
      countryCode: "GB",
      timeZone: "Europe/London",
    });
    const inOxford = await countEmployees(
      reading(dir, hr),
      ask({ location: [oxford?.id] }),
    );
    expect(inOxford).toBe(34);
    expect(offices.some((o) => o.countryCode === "UK")).toBe(false);
    const grant = await byEmail("kgrant@example.com");
    expect(grant).toMatchObject({ department: null, location: null });
    expect(grant.phones[0]?.number).toBe("+44 1644 429263");
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await versions();
    events.length = 0;
    const again = await importFile(file);
    expect(again).toEqual({
      created: 0,
      updated: 0,
      unchanged: 107,
      rejected: [],
      warnings: [],
    });
    expect(events).toEqual([]);
    expect(await versions()).toEqual(before);
  });

  it("updates only the person whose title changed", async () => {
    const original = readFileSync(file, "utf8");
    const edited = original.replace(
      /^(103,102,Alexander,Hunold,)Programmer,/m,
      "$1Lead Programmer,",
    );
    expect(edited).not.toBe(original);
    const path = join(scratch, "employees-edited.csv");
    writeFileSync(path, edited);
    const hunold = await byEmail("ahunold@example.com");
    events.length = 0;
    const report = await importFile(path);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 106 });
    expect(events).toEqual([
      {
        type: "employee.updated",
        id: hunold.id,
        version: hunold.version + 1,
        fields: ["jobTitle"],
      },
    ]);
    const now = await getEmployee(reading(dir, hr), hunold.id);
    expect(now.jobTitle).toBe("Lead Programmer");
    expect(now.manager?.name).toBe("Lex De Haan");
  });
});
