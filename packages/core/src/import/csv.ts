import { pipeline } from "node:stream";
import { CsvError, type InfoRecord, parse } from "csv-parse";
import { isRosterError, ValidationError } from "../errors/index.js";
import { readDialect } from "./dialect.js";
import { decodeText, type TextEncodingName } from "./encoding.js";
import type { ImportReason, RowProblem, SourceRow } from "./record.js";

/** Bytes of a file, however the caller opened it (a Node stream is one). */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/** A data row of a CSV file, or why it cannot be read. */
export type CsvRow =
  | ({ ok: true } & SourceRow)
  | { ok: false; rejected: RowProblem };

export interface CsvReadOptions {
  /** Columns the header must have; a file without them is refused. */
  requiredColumns?: readonly string[];
  /** The file's encoding, when known; otherwise guessed from its start. */
  encoding?: TextEncodingName;
}

interface Parsed {
  record: Record<string, string>;
  info: InfoRecord;
}

/**
 * Reads a CSV file with a header row, one data row at a time, so a large
 * export is never held in memory. The encoding (UTF-8, UTF-16 or
 * Windows-1252) and the delimiter (`,` `;` tab or `|`, or Excel's `sep=`
 * line) are detected; lines may end in CRLF, LF or both. Blank lines and
 * rows of bare delimiters are skipped; a row with the wrong number of
 * cells is reported rather than read.
 */
export async function* readCsvRows(
  source: ByteSource,
  { requiredColumns = [], encoding }: CsvReadOptions = {},
): AsyncGenerator<CsvRow> {
  let width = 0;
  const dialect = await readDialect(decodeText(source, encoding));
  const parser = parse({
    bom: true,
    delimiter: dialect.delimiter,
    record_delimiter: ["\r\n", "\n", "\r"],
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim());
      assertHasColumns(names, requiredColumns);
      width = names.length;
      return names;
    },
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  // A failure on either side destroys the parser, which the loop below
  // reports; the callback has nothing left to do.
  pipeline(dialect.text, parser, () => {});
  try {
    for await (const { record, info } of parser as AsyncIterable<Parsed>) {
      // Skipped blank lines still occupy a row in a spreadsheet, and a
      // quoted line break does not start one, so count records, not lines.
      const row = 1 + info.records + info.empty_lines;
      if (isBlank(record)) continue;
      const problem = rowProblem(record, info, width);
      yield problem
        ? { ok: false, rejected: { row, reasons: [problem] } }
        : { ok: true, row, values: record };
    }
  } catch (error) {
    throw asValidationError(error);
  }
}

// Spreadsheets export trailing empty rows as lines of bare commas.
function isBlank(record: Record<string, string>): boolean {
  return Object.values(record).every((value) => value.trim() === "");
}

function rowProblem(
  record: Record<string, string>,
  info: InfoRecord,
  width: number,
): ImportReason | undefined {
  if (info.error) {
    return {
      field: "",
      message: `has ${info.index} cells where the header has ${width}`,
    };
  }
  // Bytes the detected encoding cannot read decode to U+FFFD: a file
  // whose start looked like UTF-8 and whose later rows are not. Storing
  // them would garble names, so the row is refused.
  const garbled = Object.entries(record).find(([, value]) =>
    value.includes("\uFFFD"),
  );
  if (garbled) {
    return {
      field: garbled[0],
      message:
        "holds bytes that are not text in this file's encoding; export " +
        "the file as UTF-8 and try again",
    };
  }
  return undefined;
}

function assertHasColumns(header: string[], required: readonly string[]) {
  const missing = required.filter((name) => !header.includes(name));
  // Any name twice, mapped or not: one of the two columns would be lost
  // without a word. Blank names (trailing empty columns) are no columns.
  const repeated = [
    ...new Set(
      header.filter(
        (name) =>
          name !== "" && header.indexOf(name) !== header.lastIndexOf(name),
      ),
    ),
  ];
  if (missing.length === 0 && repeated.length === 0) return;
  const issues = [
    ...missing.map((name) => ({
      path: name,
      message: "is not a column of this file",
    })),
    ...repeated.map((name) => ({
      path: name,
      message: "appears more than once in the header",
    })),
  ];
  throw new ValidationError(issues);
}

function asValidationError(error: unknown): unknown {
  if (isRosterError(error) || !(error instanceof CsvError)) return error;
  return new ValidationError([
    { path: "file", message: `is not valid CSV: ${error.message}` },
  ]);
}
