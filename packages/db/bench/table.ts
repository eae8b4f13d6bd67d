const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u;
const ZERO_WIDTH = /[\p{M}\u200b-\u200f]/u;

// Terminals draw CJK and Hangul two columns wide and combining marks in
// none, so padding by string length would skew the columns.
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (ZERO_WIDTH.test(char)) continue;
    width += WIDE.test(char) ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * Lays out rows under a header as aligned plain-text columns; columns
 * listed in `rightAligned` (numbers) are aligned to the right.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: ReadonlySet<number> = new Set(),
): string {
  const widths = header.map((title, column) =>
    Math.max(
      displayWidth(title),
      ...rows.map((row) => displayWidth(row[column] ?? "")),
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        pad(cell, widths[column] ?? 0, rightAligned.has(column)),
      )
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** Milliseconds with two decimals. */
export function ms(value: number): string {
  return value.toFixed(2);
}

/** A ratio such as `31.4x`. */
export function times(value: number): string {
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}x`;
}

/** Seconds with one decimal, for phase durations. */
export function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}
