import { describe, expect, it } from "vitest";
import type { LiveEvent } from "./protocol";
import {
  isDirectoryEvent,
  isNewerVersion,
  touchesTeam,
} from "./use-live-refresh";

const updated = (id: string, fields: string[], version = 2): LiveEvent => ({
  seq: 1,
  type: "employee.updated",
  id,
  version,
  fields,
});

describe("which changes a screen refetches for", () => {
  it("refetches a person only for a version it does not show", () => {
    expect(isNewerVersion(updated("a", ["bio"], 3), "a", 2)).toBe(true);
    expect(isNewerVersion(updated("a", ["bio"], 2), "a", 2)).toBe(false);
    expect(isNewerVersion(updated("b", ["bio"], 9), "a", 2)).toBe(false);
    expect(
      isNewerVersion({ seq: 1, type: "employee.deleted", id: "a" }, "a", 2),
    ).toBe(true);
    expect(
      isNewerVersion({ seq: 1, type: "employees.created", count: 2 }, "a", 2),
    ).toBe(false);
  });

  it("refetches a team when a member changes or anyone moves", () => {
    const team = new Set(["lead", "report"]);
    expect(touchesTeam(updated("report", ["jobTitle"]), team)).toBe(true);
    expect(touchesTeam(updated("stranger", ["jobTitle"]), team)).toBe(false);
    expect(touchesTeam(updated("stranger", ["managerId"]), team)).toBe(true);
    expect(
      touchesTeam(
        { seq: 1, type: "employee.created", id: "x", version: 1 },
        team,
      ),
    ).toBe(true);
    // An import's batch of new people: someone may report to a member.
    expect(
      touchesTeam({ seq: 1, type: "employees.created", count: 1000 }, team),
    ).toBe(true);
    expect(
      touchesTeam({ seq: 1, type: "department.created", id: "d" }, team),
    ).toBe(false);
  });

  it("counts people, departments and offices as directory changes", () => {
    expect(isDirectoryEvent(updated("a", ["bio"]))).toBe(true);
    expect(
      isDirectoryEvent({ seq: 1, type: "location.created", id: "l" }),
    ).toBe(true);
    expect(
      isDirectoryEvent({ seq: 1, type: "employees.created", count: 2 }),
    ).toBe(true);
    expect(
      isDirectoryEvent({ seq: 1, type: "job.finished", id: "j", status: "ok" }),
    ).toBe(false);
  });
});
