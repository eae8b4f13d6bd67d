import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { Database } from "../src/client.js";
import { departments } from "../src/department/table.js";
import { rowsOf } from "../src/employee/read.js";
import { employees } from "../src/employee/table.js";
import { locations } from "../src/location/table.js";
import type { Company, EmployeeInsert } from "./people.js";

// Each insert carries a thousand rows as one JSON document: binding ~20
// parameters per row costs PGlite about 2.5 times as long as parsing JSON.
// Ten inserts share a transaction to spare commits.
const ROWS_PER_INSERT = 1_000;
const INSERTS_PER_TRANSACTION = 10;

interface IndexDefinition {
  name: string;
  definition: string;
}

// The employee indexes that back no constraint, as the migrations made
// them. Keeping the trigram indexes up to date row by row costs about ten
// times more than building them once after the load.
async function looseIndexes(db: Database): Promise<IndexDefinition[]> {
  const rows = await db.execute(sql`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = 'employees'
      and indexname not in (
        select conname from pg_constraint
        where conrelid = 'employees'::regclass)
    order by indexname`);
  return rowsOf<IndexDefinition>(rows);
}

// One insert of many rows: the rows travel as a JSON array keyed by column
// name, so columns left out still take their defaults.
function insertRows(people: readonly EmployeeInsert[]): SQL {
  const columns = getTableColumns(employees);
  const fields = Object.keys(people[0] ?? {}).filter((f) => f in columns);
  const names = fields.map(
    (field) => columns[field as keyof typeof columns].name,
  );
  const records = people.map((person) =>
    Object.fromEntries(
      fields.map((field, i) => [
        names[i],
        person[field as keyof EmployeeInsert] ?? null,
      ]),
    ),
  );
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  return sql`insert into ${employees} (${list})
    select ${list} from json_populate_recordset(
      null::employees, ${JSON.stringify(records)}::json)`;
}

async function insertPeople(db: Database, people: EmployeeInsert[]) {
  const perTransaction = ROWS_PER_INSERT * INSERTS_PER_TRANSACTION;
  for (let start = 0; start < people.length; start += perTransaction) {
    const chunk = people.slice(start, start + perTransaction);
    await db.transaction(async (tx) => {
      for (let at = 0; at < chunk.length; at += ROWS_PER_INSERT) {
        await tx.execute(insertRows(chunk.slice(at, at + ROWS_PER_INSERT)));
      }
    });
  }
}

/** How long each step of seeding took, in milliseconds. */
export interface SeedTimings {
  insert: number;
  index: number;
  analyze: number;
}

/**
 * Inserts the company in multi-row batches, with the employee indexes
 * dropped meanwhile and rebuilt from their own definitions afterwards,
 * then refreshes the planner's statistics.
 */
export async function seedCompany(
  db: Database,
  company: Company,
): Promise<SeedTimings> {
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };
  await db.insert(departments).values(company.departments);
  await db.insert(locations).values(company.locations);
  const indexes = await looseIndexes(db);
  for (const { name } of indexes) {
    await db.execute(sql`drop index ${sql.identifier(name)}`);
  }
  await insertPeople(db, company.employees);
  const insert = lap();
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local maintenance_work_mem = '128MB'`);
    for (const { definition } of indexes) {
      await tx.execute(sql.raw(definition));
    }
  });
  const index = lap();
  await db.execute(sql`analyze`);
  return { insert, index, analyze: lap() };
}
