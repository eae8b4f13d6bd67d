import { describe, expect, it } from "vitest";
import { oracleHrMapping } from "./mapping.js";
import { ldapMapping, orgChartMapping, suggestMapping } from "./presets.js";

describe("suggestMapping", () => {
  it("recognises the layouts Roster knows", () => {
    const oracle = Object.values(oracleHrMapping.columns) as string[];
    expect(suggestMapping([...oracle, "salary"])?.name).toBe("oracle-hr");
    expect(
      suggestMapping([
        "name",
        "imageUrl",
        "area",
        "profileUrl",
        "office",
        "tags",
        "isLoggedUser",
        "positionName",
        "id",
        "parentId",
        "size",
      ]),
    ).toEqual({ name: "org-chart", mapping: orgChartMapping });
    const ldap = Object.values(ldapMapping.columns) as string[];
    expect(suggestMapping(ldap)?.name).toBe("ldap");
  });

  it("guesses another system's header names", () => {
    const preset = suggestMapping([
      "Employee Number",
      "First Name",
      "Last Name",
      "Work Email",
      "Reports To",
      "Job Title",
      "Department",
    ]);
    expect(preset?.name).toBe("guessed");
    expect(preset?.mapping.columns).toEqual({
      externalId: "Employee Number",
      managerExternalId: "Reports To",
      email: "Work Email",
      givenName: "First Name",
      familyName: "Last Name",
      jobTitle: "Job Title",
      departmentName: "Department",
    });
  });

  it("gives up when the required columns are not there", () => {
    expect(suggestMapping(["Name", "Colour"])).toBeUndefined();
  });
});

describe("suggestMapping for an LDAP export without titles", () => {
  it("still recognises the LDAP layout and leaves the title out", () => {
    const suggested = suggestMapping([
      "dn",
      "mail",
      "givenname",
      "sn",
      "manager",
      "telephonenumber",
    ]);
    expect(suggested?.name).toBe("ldap");
    expect(suggested?.mapping.columns).toMatchObject({
      externalId: "dn",
      email: "mail",
    });
    expect(suggested?.mapping.columns).not.toHaveProperty("jobTitle");
  });
});
