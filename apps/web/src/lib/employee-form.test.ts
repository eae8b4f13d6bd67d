import { describe, expect, it } from "vitest";
import type { Employee } from "../api/types";
import {
  blankForm,
  changedFields,
  createBody,
  fieldsFromEmployee,
  fieldsFromForm,
  formFromEmployee,
  requiredIssues,
} from "./employee-form";

function makeEmployee(overrides: Partial<Employee> = {}): Employee {
  return {
    id: "e1",
    email: "ahunold@example.com",
    givenName: "Alexander",
    familyName: "Hunold",
    preferredName: null,
    displayName: "Alexander Hunold",
    pronouns: "he/him",
    jobTitle: "Programmer",
    department: { id: "d-it", name: "IT" },
    location: {
      id: "l-sl",
      name: "Southlake",
      city: "Southlake",
      countryCode: "US",
      timeZone: "America/Chicago",
    },
    manager: { id: "m1", name: "Lex De Haan" },
    phones: [{ kind: "work", number: "590.423.4567", digits: "5904234567" }],
    startDate: "2006-01-03",
    skills: ["Java"],
    badges: [],
    bio: null,
    photoKey: null,
    role: "employee",
    version: 3,
    createdAt: "2024-01-01T00:00:00Z",
    updatedAt: "2024-01-01T00:00:00Z",
    ...overrides,
  };
}

describe("fieldsFromForm", () => {
  it("trims single-line fields and turns blanks into null", () => {
    const form = {
      ...blankForm(),
      email: "  a@example.com ",
      givenName: " Ada\t",
      familyName: "Lovelace ",
      pronouns: "   ",
      jobTitle: " Analyst ",
      phones: [
        { kind: "work" as const, number: " +44 20 7946 0000 " },
        { kind: "mobile" as const, number: "  " },
      ],
      skills: [" Maths ", "", "Maths", "Poetry"],
    };
    const fields = fieldsFromForm(form);
    expect(fields.email).toBe("a@example.com");
    expect(fields.givenName).toBe("Ada");
    expect(fields.familyName).toBe("Lovelace");
    expect(fields.pronouns).toBeNull();
    expect(fields.jobTitle).toBe("Analyst");
    expect(fields.phones).toEqual([
      { kind: "work", number: "+44 20 7946 0000" },
      { kind: "mobile", number: "" },
    ]);
    expect(fields.skills).toEqual(["Maths", "Poetry"]);
  });

  it("keeps the bio's line breaks but not its blank edges", () => {
    const form = { ...blankForm(), bio: "\n  Line one\n\nLine two  \n" };
    expect(fieldsFromForm(form).bio).toBe("  Line one\n\nLine two");
    expect(fieldsFromForm({ ...blankForm(), bio: " \n " }).bio).toBeNull();
  });
});

describe("changedFields", () => {
  it("is empty when the form still shows the stored person", () => {
    const e = makeEmployee();
    expect(changedFields(fieldsFromEmployee(e), fieldsFromEmployee(e))).toEqual(
      {},
    );
  });

  it("sends only what changed, lists and nulls included", () => {
    const e = makeEmployee();
    const form = formFromEmployee(e);
    form.pronouns = "";
    form.skills = ["Java", "Go"];
    form.phones[0] = { kind: "mobile", number: "590.423.4567" };
    form.manager = null;
    expect(changedFields(fieldsFromEmployee(e), fieldsFromForm(form))).toEqual({
      pronouns: null,
      skills: ["Java", "Go"],
      phones: [{ kind: "mobile", number: "590.423.4567" }],
      managerId: null,
    });
  });

  it("ignores whitespace-only edits, which the API would refuse", () => {
    const e = makeEmployee();
    const form = { ...formFromEmployee(e), jobTitle: " Programmer  " };
    expect(changedFields(fieldsFromEmployee(e), fieldsFromForm(form))).toEqual(
      {},
    );
  });

  it("leaves out fields the actor may not change", () => {
    const e = makeEmployee();
    const form = {
      ...formFromEmployee(e),
      jobTitle: "Lead Programmer",
      bio: "Hello",
    };
    const allowed = new Set(["bio"] as const);
    expect(
      changedFields(fieldsFromEmployee(e), fieldsFromForm(form), allowed),
    ).toEqual({ bio: "Hello" });
  });
});

describe("createBody", () => {
  it("always carries email and names, and only what else was set", () => {
    const form = {
      ...blankForm(),
      email: "new@example.com",
      givenName: "New",
      familyName: "Person",
      departmentId: "d-it",
    };
    expect(createBody(fieldsFromForm(form))).toEqual({
      email: "new@example.com",
      givenName: "New",
      familyName: "Person",
      departmentId: "d-it",
    });
  });
});

describe("requiredIssues", () => {
  it("names each missing required field and each blank phone row", () => {
    const fields = fieldsFromForm({
      ...blankForm(),
      givenName: "  ",
      phones: [
        { kind: "work", number: "515.123.4567" },
        { kind: "mobile", number: " " },
      ],
    });
    expect(requiredIssues(fields).map((i) => i.path)).toEqual([
      "email",
      "givenName",
      "familyName",
      "phones.1.number",
    ]);
  });

  it("finds nothing wrong with a complete form", () => {
    const fields = fieldsFromEmployee(makeEmployee());
    expect(requiredIssues(fields)).toEqual([]);
  });
});
