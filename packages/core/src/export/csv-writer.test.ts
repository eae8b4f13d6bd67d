import { describe, expect, it } from "vitest";
import { csvLine, utf8WithBom } from "./csv-writer.js";

describe("csvLine", () => {
  it("quotes only what needs quoting", () => {
    expect(csvLine(["a", 'say "hi"', "x,y", "two\nlines", 3, null])).toBe(
      'a,"say ""hi""","x,y","two\nlines",3,\r\n',
    );
  });

  it("keeps a spreadsheet from running a cell as a formula", () => {
    expect(csvLine(["=HYPERLINK(1)", "+1", "-2", "@SUM", "ok"])).toBe(
      "'=HYPERLINK(1),'+1,'-2,'@SUM,ok\r\n",
    );
    expect(csvLine([-2])).toBe("-2\r\n");
  });
});

describe("utf8WithBom", () => {
  it("starts with the byte-order mark", async () => {
    const parts: number[] = [];
    for await (const chunk of utf8WithBom(["é\r\n"])) parts.push(...chunk);
    expect(parts).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x0d, 0x0a]);
  });
});
