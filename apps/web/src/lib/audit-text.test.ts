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
});
