import { describe, expect, it } from "vitest";
import { foldForSearch } from "./index.js";

describe("foldForSearch", () => {
  it("folds accents, special letters, case and spacing", () => {
    expect(foldForSearch("  José\u00a0NÚÑEZ ")).toBe("jose nunez");
    expect(foldForSearch("Straße Łódź Ørsted")).toBe("strasse lodz orsted");
    expect(foldForSearch("Ada\t\tLOVELACE\r\n")).toBe("ada lovelace");
  });

  it("folds ASCII text as the full Unicode path does", () => {
    // A trailing é sends the text down the Unicode path, where it folds
    // to e; the rest must come out as the ASCII path folds it alone.
    for (let code = 0; code < 128; code++) {
      const text = `A${String.fromCharCode(code)}b`;
      expect(foldForSearch(`${text}é`)).toBe(`${foldForSearch(text)}e`);
    }
  });
});
