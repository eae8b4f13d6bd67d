import { describe, expect, it } from "vitest";
import type { Me, Role } from "../api/types";
import { canCreate, canDelete, editableFields } from "./permissions";

const meAs = (role: Role, id = "me"): Me => ({
  actor: { id, role },
  employee: null,
  canActAs: false,
});

describe("permissions", () => {
  it("lets an employee edit only their own self-service fields", () => {
    const me = meAs("employee");
    expect([...editableFields(me, "me")].sort()).toEqual([
      "bio",
      "birthday",
      "personalPhone",
      "phones",
      "preferredName",
      "privacy",
      "pronouns",
      "skills",
    ]);
    expect(editableFields(me, "someone-else").size).toBe(0);
    expect(canCreate(me)).toBe(false);
    expect(canDelete(me, "someone-else")).toBe(false);
  });

  it("leaves the privacy choices to the person themself", () => {
    expect(editableFields(meAs("admin"), "x").has("privacy")).toBe(false);
    expect(editableFields(meAs("admin"), "me").has("privacy")).toBe(true);
  });

  it("lets HR edit anyone except the role, and admins everything", () => {
    const hr = editableFields(meAs("hr"), "x");
    expect(hr.has("jobTitle")).toBe(true);
    expect(hr.has("role")).toBe(false);
    expect(editableFields(meAs("admin"), null).has("role")).toBe(true);
  });

  it("lets staff remove others but not themselves", () => {
    expect(canDelete(meAs("hr"), "x")).toBe(true);
    expect(canDelete(meAs("admin"), "me")).toBe(false);
    expect(canCreate(null)).toBe(false);
  });
});
