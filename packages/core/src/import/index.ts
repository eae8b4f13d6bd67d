export {
  type ByteSource,
  type CsvReadOptions,
  type CsvRow,
  readCsvRows,
} from "./csv.js";
export { type Delimiter, delimiterOf } from "./dialect.js";
export {
  decodeText,
  detectEncoding,
  guessEncoding,
  type TextEncodingName,
} from "./encoding.js";
export {
  isSecretAttribute,
  normaliseDn,
  readLdifRows,
  withoutLdifSecrets,
} from "./ldif.js";
export { type MapRowOptions, mapRow } from "./map-row.js";
export {
  ColumnMapping,
  MappingColumns,
  mappedColumns,
  oracleHrMapping,
} from "./mapping.js";
export {
  ldapMapping,
  type MappingPreset,
  orgChartMapping,
  suggestMapping,
} from "./presets.js";
export {
  checkImportSource,
  type ImportFormat,
  readImportRows,
  readSourceRows,
  type SourceOptions,
  type SourceSample,
  sampleSource,
} from "./read-import-rows.js";
export {
  ImportedLocation,
  ImportedPerson,
  type ImportReason,
  ImportRecord,
  type ImportReport,
  type MappedRow,
  type RowProblem,
  type SourceRow,
} from "./record.js";
export { describeImportReport } from "./report.js";
export {
  planReportingLines,
  type RefusedLink,
  type ReportingLinePlan,
  type ReportingLines,
} from "./reporting-lines.js";
