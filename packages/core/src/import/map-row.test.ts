import { describe, expect, it } from "vitest";
import { type MapRowOptions, mapRow } from "./map-row.js";
import { ColumnMapping, oracleHrMapping } from "./mapping.js";
import type { ImportRecord, MappedRow } from "./record.js";

// Steven King's row of the Oracle HR export, as the CSV reader yields it.
const king: Record<string, string> = {
  id: "100",
  parentId: "",
  name: "Steven",
  lastName: "King",
  position: "Chief Operating Officer",
  image: "https://avatars.example.com/portrait12.png",
  email: "SKING",
  phone_number: "515.123.4567",
  hire_date: "2003-07-16T19:00:00.000Z",
  job_id: "AD_PRES",
  salary: "24000",
  commission_pct: "",
  department_id: "90",
  job_min_salary: "20080",
  location_state: "Washington",
  job_max_salary: "40000",
  department_name: "Executive",
  department_location_id: "1700",
  department_location_street_address: "2004 Charade Rd",
  department_location_postal_code: "98199",
  department_location_country_id: "US",
  department_location_country_name: "United States of America",
  department_location_country_region_id: "2",
  department_location_country_region_name: "Americas",
};

const options: MapRowOptions = { emailDomain: "example.com" };

function mapped(
  changes: Record<string, string> = {},
  opts = options,
): MappedRow {
  return mapRow(
    { row: 2, values: { ...king, ...changes } },
    oracleHrMapping,
    opts,
  );
}

function record(changes: Record<string, string> = {}): ImportRecord {
  const result = mapped(changes);
  if (!result.ok) throw new Error(JSON.stringify(result.rejected));
  return result.record;
}

function reasons(changes: Record<string, string>, opts = options) {
  const result = mapped(changes, opts);
  if (result.ok) throw new Error("expected the row to be rejected");
  expect(result.rejected.row).toBe(2);
  return result.rejected.reasons;
}

describe("mapRow with the Oracle HR mapping", () => {
  it("maps a person, their department and their office", () => {
    const r = record();
    expect(r).toMatchObject({
      row: 2,
      externalId: "100",
      managerExternalId: null,
      person: {
        email: "sking@example.com",
        givenName: "Steven",
        familyName: "King",
        jobTitle: "Chief Operating Officer",
        phones: [{ kind: "work", number: "+1 515 123 4567" }],
        startDate: "2003-07-17",
      },
      department: { name: "Executive" },
      location: {
        externalId: "1700",
        name: "2004 Charade Rd",
        city: null,
        region: "Washington",
        countryCode: "US",
        timeZone: "America/Los_Angeles",
      },
    });
  });

  it("never carries pay or the external avatar URL", () => {
    const text = JSON.stringify(record());
    expect(text).not.toContain("24000");
    expect(text).not.toContain("avatars.example.com");
  });

  it("writes international numbers dialled from the US with their code", () => {
    const r = record({ phone_number: "011.44.1344.429268" });
    expect(r.person.phones).toEqual([
      { kind: "work", number: "+44 1344 429268" },
    ]);
    expect(record({ phone_number: "" }).person.phones).toEqual([]);
  });

  it("turns a user name into an address at the company domain", () => {
    expect(record({ email: " LDeHaan " }).person.email).toBe(
      "ldehaan@example.com",
    );
    const upper = mapped({}, { emailDomain: "@Example.COM" });
    expect(upper.ok && upper.record.person.email).toBe("sking@example.com");
    expect(record({ email: "Steven.King@Corp.Example" }).person.email).toBe(
      "steven.king@corp.example",
    );
  });

  it("refuses user names when no domain was given", () => {
    const [reason] = reasons({}, {});
    expect(reason?.field).toBe("email");
    expect(reason?.message).toMatch(/no company email domain/);
  });

  it("refuses a bad email and an empty one", () => {
    expect(reasons({ email: "s king" })).toEqual([
      {
        field: "email",
        message: "has a part before @ that is not a valid mailbox name",
      },
    ]);
    expect(reasons({ email: "  " })).toEqual([
      { field: "email", message: "must not be empty" },
    ]);
    expect(reasons({}, { emailDomain: "not a domain" })).toEqual([
      { field: "email", message: "has a domain that is not valid" },
    ]);
  });

  it("stores the United Kingdom as GB and guesses its time zone", () => {
    const r = record({
      department_location_country_id: "UK",
      location_state: "Oxford",
    });
    expect(r.location).toMatchObject({
      countryCode: "GB",
      timeZone: "Europe/London",
    });
  });

  it("leaves a person without a department or office without them", () => {
    const r = record({
      department_id: "",
      department_name: "",
      department_location_id: "",
      department_location_street_address: "",
      department_location_country_id: "",
      location_state: "",
    });
    expect(r.department).toBeNull();
    expect(r.location).toBeNull();
  });

  it("rejects a row with an empty required field, naming its column", () => {
    expect(reasons({ lastName: "   " })).toEqual([
      { field: "lastName", message: "must not be empty" },
    ]);
    expect(reasons({ id: "" }).map((r) => r.field)).toEqual(["id"]);
    expect(
      reasons({ name: "", hire_date: "soon" }).map((r) => r.field),
    ).toEqual(["name", "hire_date"]);
  });

  it("refuses an office without a name and a country that is no code", () => {
    expect(reasons({ department_location_street_address: "" })).toEqual([
      {
        field: "department_location_street_address",
        message: "must not be empty",
      },
    ]);
    expect(
      reasons({ department_location_country_id: "United States" })[0]?.field,
    ).toBe("department_location_country_id");
  });

  it("keeps every script and apostrophe, trimming only the edges", () => {
    const names: [string, string][] = [
      ["Seán", "O’Brien"],
      ["D'Arcy", "Lefèvre"],
      ["Zoë", "Núñez-Ødegård"],
      ["小明", "王"],
      ["محمد", "العلي"],
      ["Иван", "Петров"],
    ];
    for (const [given, family] of names) {
      const r = record({ name: ` ${given}\u00a0`, lastName: `\t${family} ` });
      expect(r.person.givenName).toBe(given);
      expect(r.person.familyName).toBe(family);
    }
    expect(record({ position: "  Programmer  " }).person.jobTitle).toBe(
      "Programmer",
    );
  });

  it("refuses control characters inside a name", () => {
    expect(reasons({ name: "Ste\nven" })[0]?.field).toBe("name");
  });

  it("leaves out the fields a narrower mapping does not name", () => {
    const mapping = ColumnMapping.parse({
      columns: {
        externalId: "id",
        email: "email",
        givenName: "name",
        familyName: "lastName",
      },
      emails: "userName",
    });
    const result = mapRow({ row: 9, values: king }, mapping, options);
    if (!result.ok) throw new Error("expected a record");
    expect(Object.keys(result.record.person).sort()).toEqual([
      "email",
      "familyName",
      "givenName",
    ]);
    expect(result.record.department).toBeUndefined();
    expect(result.record.location).toBeUndefined();
    expect(result.record.managerExternalId).toBeUndefined();
  });
});

describe("ColumnMapping", () => {
  it("refuses office details without an office id column", () => {
    const result = ColumnMapping.safeParse({
      columns: {
        externalId: "id",
        email: "email",
        givenName: "name",
        familyName: "lastName",
        locationName: "office",
      },
    });
    expect(result.success).toBe(false);
  });

  it("refuses a field Roster does not know", () => {
    const result = ColumnMapping.safeParse({
      columns: { ...oracleHrMapping.columns, salary: "salary" },
    });
    expect(result.success).toBe(false);
  });

  it("says a one-word full name lacks a family name", () => {
    const mapping = ColumnMapping.parse({
      columns: { externalId: "id", fullName: "name", email: "email" },
    });
    const row = (name: string) =>
      mapRow(
        { row: 7, values: { id: "x1", name, email: "x@example.com" } },
        mapping,
      );
    expect(row("SizePalette")).toEqual({
      ok: false,
      rejected: {
        row: 7,
        reasons: [
          {
            field: "name",
            message:
              '"SizePalette" is one word; a given and a family name are needed',
          },
        ],
      },
    });
    expect(row("Ada King Lovelace")).toMatchObject({
      ok: true,
      record: { person: { givenName: "Ada King", familyName: "Lovelace" } },
    });
  });
});
