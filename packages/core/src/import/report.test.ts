import { describe, expect, it } from "vitest";
import { describeImportReport } from "./report.js";

describe("describeImportReport", () => {
  it("prints the counts, then each problem on its own line", () => {
    const lines = describeImportReport({
      created: 3,
      updated: 1,
      unchanged: 0,
      rejected: [
        {
          row: 12,
          reasons: [
            { field: "email", message: "must not be empty" },
            { field: "lastName", message: "must not be empty" },
          ],
        },
        { row: 14, reasons: [{ field: "", message: "has 2 cells" }] },
      ],
      warnings: [
        { row: 3, reasons: [{ field: "office", message: "no time zone" }] },
      ],
    });
    expect(lines).toEqual([
      "3 created, 1 updated, 0 unchanged, 2 rows rejected, 1 warning",
      "row 12: email: must not be empty",
      "row 12: lastName: must not be empty",
      "row 14: has 2 cells",
      "warning: row 3: office: no time zone",
    ]);
  });

  it("prints only the counts for a clean import", () => {
    expect(
      describeImportReport({
        created: 0,
        updated: 0,
        unchanged: 107,
        rejected: [],
        warnings: [],
      }),
    ).toEqual([
      "0 created, 0 updated, 107 unchanged, 0 rows rejected, 0 warnings",
    ]);
  });
});
