import type { ImportReason, RowProblem } from "@roster/core";

/** The problems one import finds, gathered by row in the order found. */
export class ImportLog {
  private readonly errors = new Map<number, ImportReason[]>();
  private readonly notes = new Map<number, ImportReason[]>();

  reject(row: number, field: string, message: string): void {
    add(this.errors, row, { field, message });
  }

  rejectRow({ row, reasons }: RowProblem): void {
    for (const reason of reasons) add(this.errors, row, reason);
  }

  warn(row: number, field: string, message: string): void {
    add(this.notes, row, { field, message });
  }

  /** Takes in what another log found, as a committed batch's. */
  append(other: ImportLog): void {
    for (const [row, reasons] of other.errors) {
      for (const r of reasons) add(this.errors, row, r);
    }
    for (const [row, reasons] of other.notes) {
      for (const r of reasons) add(this.notes, row, r);
    }
  }

  get rejected(): RowProblem[] {
    return byRow(this.errors);
  }

  get warnings(): RowProblem[] {
    return byRow(this.notes);
  }
}

function add(map: Map<number, ImportReason[]>, row: number, r: ImportReason) {
  const reasons = map.get(row);
  if (reasons) reasons.push(r);
  else map.set(row, [r]);
}

function byRow(map: Map<number, ImportReason[]>): RowProblem[] {
  return [...map]
    .sort(([a], [b]) => a - b)
    .map(([row, reasons]) => ({ row, reasons }));
}
