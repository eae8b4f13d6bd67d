import { pipeline } from "node:stream";
import { CsvError, type InfoRecord, parse } from "csv-parse";
import { isRosterError, ValidationError } from "../errors/index.js";
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
}

interface Parsed {
  record: Record<string, string>;
  info: InfoRecord;
}

/**
 * Reads a CSV file with a header row, one data row at a time, so a large
 * export is never held in memory. Blank lines are skipped; a row with the
 * wrong number of cells is reported rather than read.
 */
export async function* readCsvRows(
  source: ByteSource,
  { requiredColumns = [] }: CsvReadOptions = {},
): AsyncGenerator<CsvRow> {
  let width = 0;
  const parser = parse({
    bom: true,
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
  pipeline(source, parser, () => {});
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
  // Bytes that are not UTF-8 decode to U+FFFD: usually a file saved in a
  // legacy encoding, whose names would otherwise be stored garbled.
  const garbled = Object.entries(record).find(([, value]) =>
    value.includes("\uFFFD"),
  );
  if (garbled) {
    return {
      field: garbled[0],
      message: "is not UTF-8 text; export the file as UTF-8 and try again",
    };
  }
  return undefined;
}

function assertHasColumns(header: string[], required: readonly string[]) {
  const missing = required.filter((name) => !header.includes(name));
  const repeated = required.filter(
    (name) => header.indexOf(name) !== header.lastIndexOf(name),
  );
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
