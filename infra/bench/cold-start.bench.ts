import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Bundle, bundleLikeSst } from "./bundle";
import { connectEvent, httpApiEvent } from "./events";

// The Lambda handlers bundled as SST would, their sizes, and the time a
// fresh Node process takes to import each and answer a first request,
// beside a hello-world Hono handler bundled the same way. The first
// requests need no query: the database client is built but not used, so
// the figures are the code's own cost, not the network's.
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZE_TARGET_KB = 400;
const FIRST_ANSWER_TARGET_MS = 150;

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const probe = fileURLToPath(new URL("probe.mjs", import.meta.url));

interface Handler {
  name: string;
  entry: string;
  exportName: string;
  event: unknown;
}

const handlers: Handler[] = [
  {
    name: "hello (baseline)",
    entry: fileURLToPath(new URL("hello.ts", import.meta.url)),
    exportName: "handler",
    event: httpApiEvent("/"),
  },
  {
    name: "api",
    entry: join(root, "apps/api/src/lambda/index.ts"),
    exportName: "handler",
    event: httpApiEvent("/api/health"),
  },
  {
    name: "realtime",
    entry: join(root, "apps/realtime/src/lambda.ts"),
    exportName: "connect",
    event: connectEvent(),
  },
  {
    name: "migrator",
    entry: join(root, "apps/api/src/lambda/migrate.ts"),
    exportName: "handler",
    event: undefined,
  },
];

// Settings for a first request; nothing connects to this address, since
// no first request runs a query.
const env = {
  PATH: process.env.PATH ?? "",
  DATABASE_URL: "postgres://bench@127.0.0.1:9/unused",
  AWS_REGION: "us-east-1",
  NODE_ENV: "production",
};

interface Timing {
  nodeMs: number;
  importMs: number;
  firstAnswerMs: number;
  statusCode?: number;
}

function coldStart(bundle: Bundle, handler: Handler): Timing {
  const result = join(outdir, "timing.json");
  const event = JSON.stringify(handler.event);
  execFileSync(
    process.execPath,
    [probe, bundle.file, handler.exportName, event, result],
    { env, stdio: ["ignore", "ignore", "inherit"] },
  );
  return JSON.parse(readFileSync(result, "utf8")) as Timing;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const outdir = mkdtempSync(join(tmpdir(), "roster-cold-start-"));
try {
  const rows = [];
  for (const handler of handlers) {
    // The migrator's first "request" is a migration: bundle it for its
    // size only.
    const bundle = await bundleLikeSst(handler.name, handler.entry, outdir);
    const timings =
      handler.event === undefined
        ? []
        : Array.from({ length: RUNS }, () => coldStart(bundle, handler));
    rows.push({
      name: handler.name,
      kb: bundle.bytes / 1024,
      importMs: median(timings.map((t) => t.importMs)),
      firstAnswerMs: median(timings.map((t) => t.firstAnswerMs)),
      status: timings[0]?.statusCode,
      largest: bundle.largest,
    });
  }
  const [baseline] = rows;
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  console.log(
    `Cold start, median of ${RUNS} fresh Node ${process.version} ` +
      `processes (load average ${load})`,
  );
  console.log(
    "handler            size KB  x base  import ms  first answer ms  x base  status",
  );
  for (const row of rows) {
    const measured = !Number.isNaN(row.firstAnswerMs);
    console.log(
      [
        row.name.padEnd(17),
        row.kb.toFixed(1).padStart(8),
        (row.kb / (baseline?.kb ?? 1)).toFixed(1).padStart(7),
        (measured ? row.importMs.toFixed(1) : "-").padStart(10),
        (measured ? row.firstAnswerMs.toFixed(1) : "-").padStart(16),
        (measured
          ? (row.firstAnswerMs / (baseline?.firstAnswerMs ?? 1)).toFixed(1)
          : "-"
        ).padStart(7),
        String(row.status ?? "-").padStart(7),
      ].join(" "),
    );
  }
  console.log("largest parts:");
  for (const row of rows.slice(1)) {
    const parts = row.largest
      .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KB`)
      .join(", ");
    console.log(`  ${row.name}: ${parts}`);
  }
  for (const row of rows.slice(1)) {
    const size = row.kb < SIZE_TARGET_KB ? "within" : "OVER";
    const time = Number.isNaN(row.firstAnswerMs)
      ? "not measured (its first run migrates)"
      : `${row.firstAnswerMs < FIRST_ANSWER_TARGET_MS ? "within" : "OVER"} ` +
        `${FIRST_ANSWER_TARGET_MS} ms`;
    console.log(
      `${row.name}: size ${size} ${SIZE_TARGET_KB} KB; first answer ${time}`,
    );
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
