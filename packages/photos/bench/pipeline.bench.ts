/**
 * The photo pipeline's cost per 12-megapixel JPEG, beside a plain sharp
 * decode-and-resize of the same file measured in the same run.
 *
 *   pnpm --filter @roster/photos bench     (BENCH_RUNS=n for more runs)
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { loadFaceDetector } from "../src/human/detector.js";
import { processPhoto } from "../src/pipeline.js";
import { datasetPhoto } from "../src/testing/datasets.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const TARGET_MS = 500;
const MEGAPIXELS = 12e6;

const sources = [
  datasetPhoto("faces", "obama.jpg"),
  datasetPhoto("faces", "two_people.jpg"),
  datasetPhoto("exif-orientation", "Portrait_6.jpg"),
].filter((path): path is string => path !== undefined);

/** The source scaled up to about 12 megapixels, keeping its EXIF tag. */
async function twelveMegapixels(source: string, dir: string, i: number) {
  const meta = await sharp(source).metadata();
  const scale = Math.sqrt(
    MEGAPIXELS / ((meta.width ?? 1) * (meta.height ?? 1)),
  );
  const bytes = await sharp(source)
    .resize(
      Math.round((meta.width ?? 1) * scale),
      Math.round((meta.height ?? 1) * scale),
    )
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: meta.orientation ?? 1 })
    .toBuffer();
  const path = join(dir, `photo-${i}.jpg`);
  await writeFile(path, bytes);
  return path;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
  return sorted[Math.max(0, at)] ?? Number.NaN;
}

async function main() {
  if (sources.length === 0) {
    console.log("The shared photos data set is missing; nothing to measure.");
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "photo-bench-"));
  try {
    const paths = await Promise.all(
      sources.map((source, i) => twelveMegapixels(source, dir, i)),
    );
    const photos = await Promise.all(paths.map((path) => readFile(path)));
    const detector = await loadFaceDetector();
    for (const bytes of photos) await processPhoto(bytes, { detector });

    const pipeline: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Both read the file, as the worker reads an upload.
      for (const path of paths) {
        baseline.push(
          await time(async () =>
            sharp(await readFile(path))
              .autoOrient()
              .resize(512, 512)
              .jpeg()
              .toBuffer(),
          ),
        );
        pipeline.push(
          await time(async () =>
            processPhoto(await readFile(path), { detector }),
          ),
        );
      }
    }
    const median = percentile(pipeline, 0.5);
    const base = percentile(baseline, 0.5);
    const sizes = await Promise.all(
      photos.map((b) =>
        sharp(b)
          .metadata()
          .then((m) => `${m.width}x${m.height}`),
      ),
    );
    console.log(
      `photo pipeline, ${photos.length} JPEGs (${sizes.join(", ")}), ` +
        `${pipeline.length} runs, load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
    );
    console.log(
      `  pipeline  median ${median.toFixed(0)} ms  p95 ` +
        `${percentile(pipeline, 0.95).toFixed(0)} ms  ` +
        `(target under ${TARGET_MS} ms: ${median < TARGET_MS ? "met" : "missed"})`,
    );
    console.log(
      `  baseline  median ${base.toFixed(0)} ms  p95 ` +
        `${percentile(baseline, 0.95).toFixed(0)} ms  ` +
        "(sharp decode, orient, resize to 512, JPEG)",
    );
    console.log(`  ratio     ${(median / base).toFixed(2)}x the baseline`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
