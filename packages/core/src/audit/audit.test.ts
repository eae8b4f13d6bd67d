import { describe, expect, it } from "vitest";
import { canonicalJson, fieldChanges, sameJson } from "./index.js";

describe("comparing stored values", () => {
  it("treats missing and null alike, and types apart", () => {
    expect(sameJson(undefined, null)).toBe(true);
    expect(sameJson("1", 1)).toBe(false);
    expect(sameJson("", null)).toBe(false);
    expect(sameJson({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson("x")).toBe('"x"');
  });

  it("lists only the fields that differ", () => {
    expect(
      fieldChanges(
        { title: "Engineer", phones: [{ number: "1" }], bio: null },
        { title: "Lead", phones: [{ number: "1" }], bio: undefined },
        ["title", "phones", "bio"],
      ),
    ).toEqual([{ field: "title", before: "Engineer", after: "Lead" }]);
  });
});
