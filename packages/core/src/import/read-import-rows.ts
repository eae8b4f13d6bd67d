import { type ByteSource, readCsvRows } from "./csv.js";
import { type MapRowOptions, mapRow } from "./map-row.js";
import { type ColumnMapping, mappedColumns } from "./mapping.js";
import type { MappedRow } from "./record.js";

/**
 * Reads an HR export's CSV bytes and maps each row, ready for the
 * importer. A file missing a mapped column is refused before any row.
 */
export async function* readImportRows(
  source: ByteSource,
  mapping: ColumnMapping,
  options: MapRowOptions = {},
): AsyncGenerator<MappedRow> {
  const rows = readCsvRows(source, { requiredColumns: mappedColumns(mapping) });
  for await (const row of rows) {
    yield row.ok ? mapRow(row, mapping, options) : row;
  }
}
