import { describe, expect, it } from "vitest";
import { planReportingLines } from "./reporting-lines.js";

const lines = (entries: [string, string | null][]) => new Map(entries);

describe("planReportingLines", () => {
  it("writes new links managers first, whatever the file order", () => {
    const stored = lines([
      ["c", null],
      ["b", null],
      ["a", null],
    ]);
    const wanted = lines([
      ["c", "b"],
      ["b", "a"],
      ["a", null],
    ]);
    const rows = new Map([
      ["c", 2],
      ["b", 3],
      ["a", 4],
    ]);
    const plan = planReportingLines(stored, wanted, rows);
    expect(plan).toEqual({
      changes: [
        ["b", "a"],
        ["c", "b"],
      ],
      refused: [],
    });
  });

  it("refuses the link from the latest row of a cycle", () => {
    const stored = lines([
      ["x", null],
      ["y", null],
      ["boss", null],
    ]);
    const wanted = lines([
      ["x", "y"],
      ["y", "x"],
      ["boss", null],
    ]);
    const rows = new Map([
      ["x", 5],
      ["y", 6],
      ["boss", 2],
    ]);
    const plan = planReportingLines(stored, wanted, rows);
    expect(plan.changes).toEqual([["x", "y"]]);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]?.id).toBe("y");
    expect([...(plan.refused[0]?.cycle ?? [])].sort()).toEqual(["x", "y"]);
  });

  it("refuses a person as their own manager", () => {
    const plan = planReportingLines(
      lines([["a", null]]),
      lines([["a", "a"]]),
      new Map([["a", 2]]),
    );
    expect(plan).toEqual({ changes: [], refused: [{ id: "a", cycle: ["a"] }] });
  });

  it("sees cycles through people the file does not list", () => {
    // Someone outside the file already reports to a; a now names them.
    const stored = lines([
      ["a", null],
      ["outsider", "a"],
    ]);
    const plan = planReportingLines(
      stored,
      lines([["a", "outsider"]]),
      new Map([["a", 2]]),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.refused.map((r) => r.id)).toEqual(["a"]);
  });

  it("keeps a refused person's stored manager and changes nothing else", () => {
    const stored = lines([
      ["a", null],
      ["b", "a"],
      ["old", null],
      ["c", "old"],
    ]);
    const wanted = lines([
      ["a", "b"],
      ["b", "a"],
      ["c", "old"],
    ]);
    const plan = planReportingLines(
      stored,
      wanted,
      new Map([
        ["a", 3],
        ["b", 2],
        ["c", 4],
      ]),
    );
    expect(plan.changes).toEqual([]);
    expect(plan.refused.map((r) => r.id)).toEqual(["a"]);
  });

  it("leaves a cycle it did not make alone", () => {
    const stored = lines([
      ["p", "q"],
      ["q", "p"],
      ["r", null],
    ]);
    const plan = planReportingLines(
      stored,
      lines([["r", "p"]]),
      new Map([["r", 2]]),
    );
    expect(plan).toEqual({ changes: [["r", "p"]], refused: [] });
  });
});
