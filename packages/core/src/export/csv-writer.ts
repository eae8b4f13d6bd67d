// Cells a spreadsheet would run as a formula: =, +, - and @ lead one, and
// so do a tab or a carriage return before them.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * One CSV line, CRLF-terminated: cells with a delimiter, a quote or a line
 * break are quoted, and a cell that would start a formula gets a leading
 * apostrophe, so opening a report in Excel never runs what a row held.
 */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Encodes text lines as UTF-8 with a byte-order mark, which Excel needs. */
export async function* utf8WithBom(
  lines: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  yield Uint8Array.from([0xef, 0xbb, 0xbf]);
  let buffer = "";
  for await (const line of lines) {
    buffer += line;
    if (buffer.length >= 64 * 1024) {
      yield encoder.encode(buffer);
      buffer = "";
    }
  }
  if (buffer) yield encoder.encode(buffer);
}
