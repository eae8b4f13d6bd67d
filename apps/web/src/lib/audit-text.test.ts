import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../api/audit";
import { describeChange, describeEntry, describeValue } from "./audit-text";

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: "1",
  at: "2026-01-02T03:04:05.000Z",
  actorId: "a",
  actorLabel: "Hana Ito <hana@example.com>",
  actorRole: "hr",
  channel: "web",
  action: "employee.updated",
  subjectId: "s",
  subjectLabel: "Sam <sam@example.com>",
  changes: [],
  ...over,
});

describe("audit text", () => {
  it("names who changed which fields", () => {
    expect(
      describeEntry(
        entry({
          changes: [
            { field: "jobTitle", before: null, after: "Clerk" },
            { field: "bio", before: "a", after: "b" },
            { field: "managerId", before: null, after: "m" },
          ],
        }),
      ),
    ).toBe("Hana Ito changed job title, bio and manager");
  });

  it("says the system when nobody in the directory acted", () => {
    expect(
      describeEntry(entry({ actorLabel: null, action: "employee.created" })),
    ).toBe("The system added this profile");
  });

  it("spells values out, empty ones too", () => {
    expect(describeValue(null)).toBe("(empty)");
    expect(describeValue([])).toBe("(empty)");
    expect(describeValue([{ kind: "work", number: "+1 555" }])).toBe(
      "+1 555 (work)",
    );
    expect(describeValue({ personalPhone: "colleagues" })).toBe(
      "personal phone: colleagues",
    );
    expect(
      describeChange({ field: "jobTitle", before: "Clerk", after: "Lead" }),
    ).toBe("job title: Clerk → Lead");
  });

  it("names managers, departments and offices, and says when one is gone", () => {
    const names = {
      "m-1": "Steven King",
      "d-1": "Executive",
      "d-2": "IT",
      "l-1": "Seattle",
      "m-2": null,
      "d-3": null,
      "l-2": null,
    };
    expect(
      describeChange({ field: "managerId", before: null, after: "m-1" }, names),
    ).toBe("manager: (empty) → Steven King");
    expect(
      describeChange(
        { field: "departmentId", before: "d-1", after: "d-2" },
        names,
      ),
    ).toBe("department: Executive → IT");
    expect(
      describeChange(
        { field: "locationId", before: "l-2", after: "l-1" },
        names,
      ),
    ).toBe("location: an office no longer in the directory → Seattle");
    expect(
      describeChange(
        { field: "managerId", before: "m-2", after: "m-1" },
        names,
      ),
    ).toBe("manager: someone no longer in the directory → Steven King");
    expect(
      describeChange(
        { field: "departmentId", before: "d-3", after: null },
        names,
      ),
    ).toBe("department: a department no longer in the directory → (empty)");
  });

  it("names only references, and falls back to the stored value", () => {
    const names = { "m-1": "Steven King" };
    expect(
      describeChange({ field: "jobTitle", before: "m-1", after: "x" }, names),
    ).toBe("job title: m-1 → x");
    expect(
      describeChange(
        { field: "managerId", before: "toString", after: "m-9" },
        names,
      ),
    ).toBe("manager: toString → m-9");
    expect(
      describeChange({ field: "managerId", before: null, after: "m-1" }),
    ).toBe("manager: (empty) → m-1");
  });
});
