/**
 * The import benchmark behind `pnpm bench`: imports a generated
 * 100,000-row CSV (preview, then apply) into a throwaway database on the
 * server DATABASE_URL names, beside two COPYs of the same rows, as the
 * directory stores them, in the same run: into a bare table shaped like
 * `employees`, and into one with everything a write to the directory
 * pays for, its indexes (three trigram GIN indexes among them), checks
 * and foreign keys. It runs again with 200,000 rows to show memory stays
 * flat. Each size runs in its own process so its peak RSS is its own.
 * Targets are reported, not failed.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const url = process.env.DATABASE_URL;
if (!url) {
  console.log(
    "import bench skipped: set DATABASE_URL to a PostgreSQL server, e.g. " +
      "postgres://postgres@127.0.0.1:5432/test",
  );
  process.exit(0);
}

const sizes = (process.env.BENCH_IMPORT_ROWS ?? "100000,200000")
  .split(",")
  .map(Number);
const runner = fileURLToPath(new URL("./import-run.ts", import.meta.url));

interface Figures {
  rows: number;
  created: number;
  previewMs: number;
  importMs: number;
  copyMs: number;
  directoryCopyMs: number;
  peakRssMb: number;
}

const results: Figures[] = [];
for (const rows of sizes) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", runner, String(rows)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  results.push(JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as Figures);
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const percent = (part: number, whole: number) =>
  `${((part / whole) * 100).toFixed(1)}%`;
console.log(
  `import bench (load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")})`,
);
console.log(
  "rows     preview+apply rows/s  bare COPY rows/s  directory COPY rows/s" +
    "  vs bare  vs directory  peak RSS",
);
for (const r of results) {
  console.log(
    [
      String(r.rows).padEnd(8),
      String(perSecond(r.rows, r.importMs)).padStart(21),
      String(perSecond(r.rows, r.copyMs)).padStart(17),
      String(perSecond(r.rows, r.directoryCopyMs)).padStart(22),
      percent(r.copyMs, r.importMs).padStart(8),
      percent(r.directoryCopyMs, r.importMs).padStart(13),
      `${r.peakRssMb.toFixed(0)} MB`.padStart(9),
    ].join(" "),
  );
  console.log(
    `         (preview ${(r.previewMs / 1000).toFixed(1)} s, apply ` +
      `${((r.importMs - r.previewMs) / 1000).toFixed(1)} s)`,
  );
}
const first = results[0];
const last = results.at(-1);
if (first) {
  const met = (ok: boolean) => (ok ? "met" : "missed");
  console.log(
    `target import ≥ 30% of COPY: ${met(first.copyMs / first.importMs >= 0.3)}` +
      ` against a bare table, ` +
      `${met(first.directoryCopyMs / first.importMs >= 0.3)} against one ` +
      `with the directory's indexes, checks and foreign keys; ` +
      `peak RSS < 300 MB: ${met(first.peakRssMb < 300)}`,
  );
}
if (first && last && last !== first) {
  const growth = last.peakRssMb / first.peakRssMb;
  console.log(
    `peak RSS at ${last.rows} rows is ${growth.toFixed(2)}x that at ` +
      `${first.rows} (flat means near 1)`,
  );
}
