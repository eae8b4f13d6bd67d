import { type ByteSource, type CsvRow, readCsvRows } from "./csv.js";
import type { TextEncodingName } from "./encoding.js";
import { readLdifRows } from "./ldif.js";
import { type MapRowOptions, mapRow } from "./map-row.js";
import { type ColumnMapping, mappedColumns } from "./mapping.js";
import type { MappedRow, RowProblem } from "./record.js";

/** The kinds of export Roster reads. */
export type ImportFormat = "csv" | "ldif";

export interface SourceOptions {
  format?: ImportFormat;
  encoding?: TextEncodingName;
  /** Columns a CSV header must have; LDIF entries are checked by row. */
  requiredColumns?: readonly string[];
}

/** The rows of an export, CSV or LDIF, before any mapping. */
export function readSourceRows(
  source: ByteSource,
  { format = "csv", encoding, requiredColumns }: SourceOptions = {},
): AsyncGenerator<CsvRow> {
  const given = encoding ? { encoding } : {};
  return format === "ldif"
    ? readLdifRows(source, given)
    : readCsvRows(source, { ...given, requiredColumns: requiredColumns ?? [] });
}

/**
 * Reads an HR export's bytes and maps each row, ready for the importer.
 * A CSV file missing a mapped column is refused before any row.
 */
export async function* readImportRows(
  source: ByteSource,
  mapping: ColumnMapping,
  options: MapRowOptions & Omit<SourceOptions, "requiredColumns"> = {},
): AsyncGenerator<MappedRow> {
  const rows = readSourceRows(source, {
    ...options,
    requiredColumns: mappedColumns(mapping),
  });
  for await (const row of rows) {
    yield row.ok ? mapRow(row, mapping, options) : row;
  }
}

/**
 * Reads an export only as far as its first row, so a preview that could
 * not run is refused before it is started: a CSV header missing a mapped
 * column throws the same ValidationError the preview itself would.
 */
export async function checkImportSource(
  source: ByteSource,
  mapping: ColumnMapping,
  options: Omit<SourceOptions, "requiredColumns"> = {},
): Promise<void> {
  const rows = readImportRows(source, mapping, options);
  try {
    await rows.next();
  } finally {
    await rows.return(undefined);
  }
}

/** The first rows of an export and its columns, for the mapping preview. */
export interface SourceSample {
  columns: string[];
  rows: Record<string, string>[];
}

/**
 * Reads the column names and first `limit` rows of an export, and the
 * first row it could not read, if any: when no row can be read, that is
 * what to tell the user.
 */
export async function sampleSource(
  source: ByteSource,
  options: Omit<SourceOptions, "requiredColumns"> = {},
  limit = 5,
): Promise<SourceSample & { firstProblem?: RowProblem }> {
  const columns = new Set<string>();
  const rows: Record<string, string>[] = [];
  let firstProblem: RowProblem | undefined;
  for await (const row of readSourceRows(source, options)) {
    if (!row.ok) {
      firstProblem ??= row.rejected;
      continue;
    }
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(row.values)) {
      columns.add(name);
      values[name] = value ?? "";
    }
    rows.push(values);
    if (rows.length >= limit) break;
  }
  return { columns: [...columns], rows, ...(firstProblem && { firstProblem }) };
}
