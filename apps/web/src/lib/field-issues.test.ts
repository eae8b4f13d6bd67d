import { describe, expect, it } from "vitest";
import {
  fieldErrorId,
  fieldId,
  groupIssues,
  labelForPath,
} from "./field-issues";

describe("groupIssues", () => {
  const fields = new Set([
    "email",
    "givenName",
    "phones",
    "phones.0.number",
    "phones.1.number",
    "skills",
  ]);

  it("puts an issue on the field its path names", () => {
    const { byField, unplaced } = groupIssues(
      [
        { path: "phones.1.number", message: "must contain at least one digit" },
        { path: "email", message: "must be an email address" },
      ],
      fields,
    );
    expect(byField.get("phones.1.number")).toEqual([
      "must contain at least one digit",
    ]);
    expect(byField.get("email")).toEqual(["must be an email address"]);
    expect(unplaced).toEqual([]);
  });

  it("falls back to the closest enclosing field", () => {
    const { byField } = groupIssues(
      [
        { path: "skills.3", message: "must be at most 60 characters" },
        { path: "phones.4.kind", message: "is not a phone kind" },
      ],
      fields,
    );
    expect(byField.get("skills")).toEqual(["must be at most 60 characters"]);
    expect(byField.get("phones")).toEqual(["is not a phone kind"]);
  });

  it("keeps issues no field shows for the summary, without repeats", () => {
    const { byField, unplaced } = groupIssues(
      [
        { path: "", message: "must change at least one field" },
        { path: "role", message: "is not a role" },
        { path: "email", message: "is taken" },
        { path: "email", message: "is taken" },
      ],
      fields,
    );
    expect(unplaced.map((i) => i.path)).toEqual(["", "role"]);
    expect(byField.get("email")).toEqual(["is taken"]);
  });
});

describe("field ids and labels", () => {
  it("makes DOM-safe ids from paths", () => {
    expect(fieldId("phones.1.number")).toBe("field-phones-1-number");
    expect(fieldErrorId("email")).toBe("field-email-error");
  });

  it("names fields and list items for people", () => {
    expect(labelForPath("givenName")).toBe("Given name");
    expect(labelForPath("phones.1.number")).toBe("Phone 2 number");
    expect(labelForPath("skills.0")).toBe("Skill 1");
    expect(labelForPath("cursor")).toBe("cursor");
  });
});
