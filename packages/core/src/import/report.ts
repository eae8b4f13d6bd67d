import type { ImportReport, RowProblem } from "./record.js";

/**
 * The lines a command prints for an import: the counts, then one line per
 * problem, such as `row 12: email: must not be empty`.
 */
export function describeImportReport(report: ImportReport): string[] {
  const counts = [
    `${report.created} created`,
    `${report.updated} updated`,
    `${report.unchanged} unchanged`,
    plural(report.rejected.length, "row", "rejected"),
    plural(report.warnings.length, "warning"),
  ];
  return [
    counts.join(", "),
    ...problemLines(report.rejected, ""),
    ...problemLines(report.warnings, "warning: "),
  ];
}

function problemLines(problems: RowProblem[], prefix: string): string[] {
  return problems.flatMap(({ row, reasons }) =>
    reasons.map(({ field, message }) =>
      field
        ? `${prefix}row ${row}: ${field}: ${message}`
        : `${prefix}row ${row}: ${message}`,
    ),
  );
}

function plural(count: number, noun: string, suffix?: string): string {
  const words = `${count} ${noun}${count === 1 ? "" : "s"}`;
  return suffix ? `${words} ${suffix}` : words;
}
