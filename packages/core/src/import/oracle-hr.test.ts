import { createReadStream, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { oracleHrMapping } from "./mapping.js";
import { readImportRows } from "./read-import-rows.js";
import type { ImportRecord, MappedRow } from "./record.js";

// The shared datasets sit beside the repository, never inside it.
const DATASET = "shared/datasets/oracle-hr/employees-joined.csv";
const file = fileURLToPath(
  new URL(`../../../../../${DATASET}`, import.meta.url),
);
const missing = !existsSync(file);
const skipped = missing
  ? ` (skipped: ../${DATASET}, beside the repository, is not there)`
  : "";

describe.skipIf(missing)(`mapping the Oracle HR export${skipped}`, () => {
  async function mapFile(): Promise<MappedRow[]> {
    const rows: MappedRow[] = [];
    const source = createReadStream(file);
    const options = { emailDomain: "example.com" };
    for await (const row of readImportRows(source, oracleHrMapping, options)) {
      rows.push(row);
    }
    return rows;
  }

  it("maps all 107 people with nothing rejected", async () => {
    const rows = await mapFile();
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    const records = rows.flatMap((r) => (r.ok ? [r.record] : []));
    expect(records).toHaveLength(107);
    expect(records.map((r) => r.row)).toEqual(
      Array.from({ length: 107 }, (_, i) => i + 2),
    );
    expect(new Set(records.map((r) => r.person.email)).size).toBe(107);
    expect(JSON.stringify(records)).not.toMatch(/https?:/);
    const byName = (given: string, family: string): ImportRecord => {
      const found = records.find(
        (r) => r.person.givenName === given && r.person.familyName === family,
      );
      if (!found) throw new Error(`${given} ${family} is not in the file`);
      return found;
    };
    expect(byName("Kimberely", "Grant")).toMatchObject({
      department: null,
      location: null,
    });
    const uk = records.filter((r) => r.location?.countryCode === "GB");
    expect(uk).toHaveLength(35);
    expect(records.some((r) => r.location?.countryCode === "UK")).toBe(false);
    const offices = records.flatMap((r) => (r.location ? [r.location] : []));
    expect(offices.every((o) => o.timeZone !== null)).toBe(true);
  });
});
