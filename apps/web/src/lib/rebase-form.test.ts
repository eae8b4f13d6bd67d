import { describe, expect, it } from "vitest";
import type { Employee } from "../api/types";
import { formFromEmployee } from "./employee-form";
import { changedLabels, describeValue, rebaseForm } from "./rebase-form";

const base: Employee = {
  id: "e1",
  email: "ahunold@example.com",
  givenName: "Alexander",
  familyName: "Hunold",
  preferredName: null,
  displayName: "Alexander Hunold",
  pronouns: null,
  jobTitle: "Programmer",
  department: { id: "d-it", name: "IT" },
  location: null,
  manager: { id: "m1", name: "Lex De Haan" },
  phones: [],
  startDate: null,
  skills: ["Java"],
  badges: [],
  bio: null,
  photoKey: null,
  role: "employee",
  version: 3,
  createdAt: "2024-01-01T00:00:00Z",
  updatedAt: "2024-01-01T00:00:00Z",
};

describe("rebaseForm", () => {
  it("takes their change where the reader has not typed", () => {
    const mine = { ...formFromEmployee(base), bio: "Writes compilers." };
    const latest = { ...base, version: 4, jobTitle: "Lead programmer" };
    const result = rebaseForm(base, mine, latest);
    expect(result.form.jobTitle).toBe("Lead programmer");
    expect(result.form.bio).toBe("Writes compilers.");
    expect(result.taken).toEqual(["jobTitle"]);
    expect(result.conflicts).toEqual([]);
  });

  it("keeps the reader's edit over a different change, and says so", () => {
    const mine = { ...formFromEmployee(base), skills: ["Java", "Go"] };
    const latest = { ...base, version: 4, skills: ["Rust"] };
    const result = rebaseForm(base, mine, latest);
    expect(result.form.skills).toEqual(["Java", "Go"]);
    expect(result.conflicts).toEqual([{ field: "skills", theirs: ["Rust"] }]);
  });

  it("sees no conflict when both made the same change", () => {
    const mine = { ...formFromEmployee(base), jobTitle: "Architect" };
    const latest = { ...base, version: 4, jobTitle: "Architect" };
    const result = rebaseForm(base, mine, latest);
    expect(result.conflicts).toEqual([]);
    expect(result.taken).toEqual([]);
  });

  it("follows a new manager by identity", () => {
    const latest = { ...base, manager: { id: "m2", name: "Bruce Ernst" } };
    const result = rebaseForm(base, formFromEmployee(base), latest);
    expect(result.form.manager).toEqual({ id: "m2", name: "Bruce Ernst" });
    expect(result.taken).toEqual(["manager"]);
  });
});

describe("changedLabels", () => {
  it("names the fields an event lists as the form does", () => {
    expect(changedLabels(["jobTitle", "managerId", "bio", "other"])).toEqual([
      "Job title",
      "Manager",
      "Bio",
      "other",
    ]);
  });
});

describe("describeValue", () => {
  it("puts any form value in one line", () => {
    expect(describeValue("")).toBe("(empty)");
    expect(describeValue(["a", "b"])).toBe("a, b");
    expect(describeValue([{ kind: "work", number: "555" }])).toBe("555 (work)");
    expect(describeValue({ id: "m1", name: "Lex" })).toBe("Lex");
    expect(describeValue(null)).toBe("(empty)");
    expect(describeValue({ birthday: "team" })).toBe("birthday: team");
    expect(describeValue({})).toBe("(empty)");
  });
});
