import type { PagingResults } from "./paging-timing.js";
import type { SearchResults } from "./search-timing.js";
import { formatTable, ms, times } from "./table.js";

export type DatabaseKind = "pglite" | "postgres";

const NUMBERS = new Set([1, 2, 3, 4, 5, 6, 7]);

/** The per-query table: search against the naive scan. */
export function searchTable(results: SearchResults): string {
  const rows = results.queries.map((r) => [
    r.query.q,
    ms(r.search.p50),
    ms(r.search.p95),
    ms(r.scan.p50),
    ms(r.scan.p95),
    times(r.scan.p95 / r.search.p95),
    String(r.searchMatches),
    String(r.scanMatches),
    r.query.intent,
  ]);
  rows.push([
    "all queries",
    ms(results.search.p50),
    ms(results.search.p95),
    ms(results.scan.p50),
    ms(results.scan.p95),
    times(results.scan.p95 / results.search.p95),
    "",
    "",
    `pooled, ${results.search.samples} samples each`,
  ]);
  const header = [
    "query",
    "search p50",
    "p95",
    "scan p50",
    "p95",
    "ratio",
    "found",
    "scan found",
    "stands for",
  ];
  return formatTable(header, rows, NUMBERS);
}

/** The directory-list table: page one, deep by cursor, deep by OFFSET. */
export function pagingTable(results: PagingResults): string {
  const depth = results.depth.toLocaleString("en-US");
  const row = (label: string, l: PagingResults["firstPage"]) => [
    label,
    ms(l.p50),
    ms(l.p95),
    times(l.p95 / results.firstPage.p95),
    String(l.samples),
  ];
  return formatTable(
    ["directory list (25 rows)", "p50 ms", "p95 ms", "vs page 1", "samples"],
    [
      row("page 1", results.firstPage),
      row(`after ${depth} rows, keyset cursor`, results.deepPage),
      row(`after ${depth} rows, OFFSET`, results.offsetPage),
    ],
    new Set([1, 2, 3, 4]),
  );
}

interface Target {
  name: string;
  goal: string;
  measured: string;
  /** Undefined when the target does not apply to this database. */
  met?: boolean;
}

/** Each target beside what this database measured. */
export function targetTable(
  kind: DatabaseKind,
  search: SearchResults,
  paging: PagingResults,
): string {
  const scanRatio = search.scan.p95 / search.search.p95;
  const depthRatio = paging.deepPage.p95 / paging.firstPage.p95;
  const targets: Target[] = [
    {
      name: "search p95",
      goal: "< 10 ms on the server",
      measured: `${ms(search.search.p95)} ms`,
      ...(kind === "postgres" ? { met: search.search.p95 < 10 } : {}),
    },
    {
      name: "scan p95 / search p95",
      goal: ">= 20x",
      measured: times(scanRatio),
      met: scanRatio >= 20,
    },
    {
      name: "deep page p95 / page 1 p95",
      goal: "<= 1.5x",
      measured: times(depthRatio),
      met: depthRatio <= 1.5,
    },
  ];
  const verdict = (t: Target) =>
    t.met === undefined ? "n/a (server only)" : t.met ? "met" : "not met";
  return formatTable(
    ["target", "goal", "measured", "verdict"],
    targets.map((t) => [t.name, t.goal, t.measured, verdict(t)]),
  );
}
