import { describe, expect, it } from "vitest";
import { isRosterError, type ValidationError } from "../errors/index.js";
import { type CsvReadOptions, type CsvRow, readCsvRows } from "./csv.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function* chunks(bytes: Uint8Array, size: number) {
  for (let at = 0; at < bytes.length; at += size) {
    yield bytes.subarray(at, at + size);
  }
}

async function readAll(
  source: AsyncIterable<Uint8Array> | Uint8Array[],
  options?: CsvReadOptions,
): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of readCsvRows(source, options)) rows.push(row);
  return rows;
}

async function refusal(promise: Promise<unknown>): Promise<ValidationError> {
  try {
    await promise;
  } catch (error) {
    if (isRosterError(error)) return error as ValidationError;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("readCsvRows", () => {
  it("numbers rows as a spreadsheet shows them", async () => {
    const text = '\uFEFFid, name \r\n1,Ada\r\n\r\n2,"Line\nbreak"\r\n3,Cy\r\n';
    const rows = await readAll([utf8(text)]);
    expect(rows).toEqual([
      { ok: true, row: 2, values: { id: "1", name: "Ada" } },
      { ok: true, row: 4, values: { id: "2", name: "Line\nbreak" } },
      { ok: true, row: 5, values: { id: "3", name: "Cy" } },
    ]);
  });

  it("reads bytes split anywhere, even inside a character", async () => {
    const text = "\uFEFFid,name\n1,Zoë\n2,王小明\n3,Петров\n";
    const rows = await readAll(chunks(utf8(text), 1));
    expect(rows.map((r) => r.ok && r.values.name)).toEqual([
      "Zoë",
      "王小明",
      "Петров",
    ]);
  });

  it("reports a row with the wrong number of cells and reads on", async () => {
    const rows = await readAll([utf8("a,b,c\n1,2\n4,5,6\n7,8,9,10\n")]);
    expect(rows).toEqual([
      {
        ok: false,
        rejected: {
          row: 2,
          reasons: [
            { field: "", message: "has 2 cells where the header has 3" },
          ],
        },
      },
      { ok: true, row: 3, values: { a: "4", b: "5", c: "6" } },
      {
        ok: false,
        rejected: {
          row: 4,
          reasons: [
            { field: "", message: "has 4 cells where the header has 3" },
          ],
        },
      },
    ]);
  });

  it("skips rows whose cells are all blank", async () => {
    const rows = await readAll([utf8("a,b\n , \n1,2\n,\n")]);
    expect(rows).toEqual([{ ok: true, row: 3, values: { a: "1", b: "2" } }]);
  });

  it("reads a file that is not UTF-8 as Windows-1252", async () => {
    const latin1 = Uint8Array.from([
      ...utf8("id,name\n1,Jos"),
      0xe9,
      ...utf8("\n2,Ana\n"),
    ]);
    const rows = await readAll([latin1]);
    expect(rows.map((r) => r.ok && r.values.name)).toEqual(["José", "Ana"]);
  });

  it("refuses a row whose bytes its encoding cannot read", async () => {
    // The start is UTF-8, so the file is read as UTF-8; row 3 is not.
    const padding = `${"x".repeat(5000)}`;
    const bytes = Uint8Array.from([
      ...utf8(`id,name\n1,${padding}\n2,Jos`),
      0xe9,
      ...utf8("\n3,Ana\n"),
    ]);
    const rows = await readAll([bytes], { encoding: "utf-8" });
    expect(rows[1]).toMatchObject({
      ok: false,
      rejected: { row: 3, reasons: [{ field: "name" }] },
    });
    expect(rows[2]).toMatchObject({ ok: true, row: 4 });
  });

  it("reads UTF-16 with and without a byte-order mark", async () => {
    const text = "id,name\r\n1,Zoë Ødegård\r\n2,王小明\r\n";
    const le = Buffer.from(`\uFEFF${text}`, "utf16le");
    const bare = Buffer.from(text, "utf16le");
    const be = Buffer.from(`\uFEFF${text}`, "utf16le").swap16();
    for (const bytes of [le, bare, be]) {
      const rows = await readAll(chunks(bytes, 3));
      expect(rows.map((r) => r.ok && r.values.name)).toEqual([
        "Zoë Ødegård",
        "王小明",
      ]);
    }
  });

  it("detects semicolons, tabs and Excel's sep= line", async () => {
    const files = [
      'id;name;title\n1;"Smith, Ann";Chief\n',
      "id\tname\ttitle\n1\tSmith, Ann\tChief\n",
      'sep=;\r\nid;name;title\r\n1;"Smith, Ann";Chief\r\n',
      'sep=,\nid,name,title\n1,"Smith, Ann",Chief\n',
    ];
    for (const file of files) {
      expect(await readAll([utf8(file)])).toEqual([
        {
          ok: true,
          row: 2,
          values: { id: "1", name: "Smith, Ann", title: "Chief" },
        },
      ]);
    }
  });

  it("reads mixed line ends and quoted commas and line breaks", async () => {
    const text =
      'id,name,note\r\n1,Ada,"one, two"\n2,Ben,"line\r\nbreak"\r3,Cy,x\r\n';
    const rows = await readAll([utf8(text)]);
    expect(rows).toEqual([
      { ok: true, row: 2, values: { id: "1", name: "Ada", note: "one, two" } },
      {
        ok: true,
        row: 3,
        values: { id: "2", name: "Ben", note: "line\r\nbreak" },
      },
      { ok: true, row: 4, values: { id: "3", name: "Cy", note: "x" } },
    ]);
  });

  it("refuses a file without the columns it needs", async () => {
    const error = await refusal(
      readAll([utf8("id,name,id\n1,Ada,1\n")], {
        requiredColumns: ["id", "name", "email"],
      }),
    );
    expect(error.code).toBe("invalid_input");
    expect(error.issues).toEqual([
      { path: "email", message: "is not a column of this file" },
      { path: "id", message: "appears more than once in the header" },
    ]);
  });

  it("refuses a header naming a column twice, even one not mapped", async () => {
    const error = await refusal(readAll([utf8("id,note,note,,\n1,a,b,,\n")]));
    expect(error.issues).toEqual([
      { path: "note", message: "appears more than once in the header" },
    ]);
  });

  it("refuses a file that is not CSV", async () => {
    const error = await refusal(readAll([utf8('id,name\n1,"Ada\n')]));
    expect(error.issues[0]?.path).toBe("file");
    expect(error.issues[0]?.message).toMatch(/not valid CSV/);
  });

  it("passes on a failure of the byte source", async () => {
    async function* failing() {
      yield utf8("id\n1\n");
      throw new Error("disk gone");
    }
    await expect(readAll(failing())).rejects.toThrow("disk gone");
  });

  it("yields nothing for an empty file", async () => {
    expect(await readAll([utf8("")])).toEqual([]);
  });
});
