export { type ApplyCounts, type ApplyOptions, applyImport } from "./apply.js";
export { createApplyJob } from "./apply-job.js";
export {
  type DiffPage,
  type DiffRow,
  importProblems,
  readImportDiff,
} from "./diff.js";
export { type ImportOptions, importEmployees } from "./import-employees.js";
export {
  countPreview,
  type ImportJobRef,
  type PreviewCounts,
  type PreviewOptions,
  previewImport,
} from "./preview.js";
export type {
  AppliedOutcome,
  FieldChange,
  PreviewKind,
} from "./table.js";
