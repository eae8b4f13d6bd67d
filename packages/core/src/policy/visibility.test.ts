import { describe, expect, it } from "vitest";
import type { Actor } from "../access/index.js";
import {
  canSee,
  hiddenFields,
  type Placement,
  relationship,
  visibilityOf,
} from "./visibility.js";

const place = (
  id: string,
  departmentId: string | null,
  managerChain: string[],
): Placement => ({
  id,
  departmentId,
  managerId: managerChain[0] ?? null,
  managerChain,
});

// boss manages lead, lead manages ana and ben; cy is in another department.
const boss = place("boss", "exec", []);
const lead = place("lead", "eng", ["boss"]);
const ana = place("ana", "eng", ["lead", "boss"]);
const ben = place("ben", "ops", ["lead", "boss"]);
const cy = place("cy", "sales", ["dee"]);

const as = (p: Placement, role: Actor["role"] = "employee"): Actor => ({
  id: p.id,
  role,
});

describe("relationship", () => {
  it.each([
    ["the person themself", as(ana), ana, ana, "self"],
    ["HR, to anyone", as(cy, "hr"), cy, ana, "staff"],
    ["an admin, to anyone", as(cy, "admin"), cy, ana, "staff"],
    ["the same department", as(lead), lead, ana, "colleague"],
    ["the same manager", as(ben), ben, ana, "colleague"],
    ["a manager further up", as(boss), boss, ana, "colleague"],
    ["a report looking up the chain", as(ana), ana, boss, "colleague"],
    ["someone elsewhere", as(cy), cy, ana, "other"],
  ] as const)("%s", (_, viewer, viewerPlace, subject, expected) => {
    expect(relationship(viewer, viewerPlace, subject)).toBe(expected);
  });

  it("treats a viewer outside the directory as nobody in particular", () => {
    expect(relationship({ id: "x", role: "employee" }, undefined, ana)).toBe(
      "other",
    );
  });

  it("does not make people without a department colleagues", () => {
    const a = place("a", null, []);
    const b = place("b", null, []);
    expect(relationship(as(a), a, b)).toBe("other");
  });
});

describe("visibility", () => {
  it.each([
    ["self", "hr_and_self", true],
    ["staff", "hr_and_self", true],
    ["colleague", "hr_and_self", false],
    ["other", "hr_and_self", false],
    ["colleague", "colleagues", true],
    ["other", "colleagues", false],
    ["other", "everyone", true],
  ] as const)("%s sees %s: %s", (relation, level, expected) => {
    expect(canSee(relation, level)).toBe(expected);
  });

  it("uses the owner's choice, else the default", () => {
    expect(visibilityOf("personalPhone", null)).toBe("hr_and_self");
    expect(visibilityOf("personalPhone", { personalPhone: "everyone" })).toBe(
      "everyone",
    );
    expect(visibilityOf("birthday", {})).toBe("colleagues");
    expect(visibilityOf("startDate", { pronouns: "hr_and_self" })).toBe(
      "colleagues",
    );
    expect(visibilityOf("jobTitle", null)).toBe("everyone");
  });

  it("keeps the photo's face finding to the person and HR", () => {
    const fields = ["photoKey", "photoFaces"];
    expect(hiddenFields("self", fields, null)).toEqual([]);
    expect(hiddenFields("staff", fields, null)).toEqual([]);
    expect(hiddenFields("colleague", fields, null)).toEqual(["photoFaces"]);
    expect(hiddenFields("other", fields, null)).toEqual(["photoFaces"]);
  });

  it("lists what a viewer may not see", () => {
    const fields = ["jobTitle", "personalPhone", "birthday", "startDate"];
    expect(hiddenFields("other", fields, null)).toEqual([
      "personalPhone",
      "birthday",
      "startDate",
    ]);
    expect(hiddenFields("colleague", fields, null)).toEqual(["personalPhone"]);
    expect(
      hiddenFields("colleague", fields, { personalPhone: "colleagues" }),
    ).toEqual([]);
    expect(hiddenFields("self", fields, { birthday: "hr_and_self" })).toEqual(
      [],
    );
  });
});
