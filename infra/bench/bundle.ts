import { statSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { PGLITE_MODULES } from "../bundling";

/** One bundled handler, its size and what takes the most of it. */
export interface Bundle {
  name: string;
  file: string;
  bytes: number;
  /** The largest packages in the bundle, bytes of output each. */
  largest: [string, number][];
  /** Every package with code in the bundle. */
  packages: string[];
}

/**
 * Bundles a handler as SST does for a Node.js Lambda: one minified ESM
 * file for Node 20, everything bundled (the AWS SDK included), with a
 * `require` for the CommonJS dependencies that need one.
 */
export async function bundleLikeSst(
  name: string,
  entry: string,
  outdir: string,
): Promise<Bundle> {
  const file = join(outdir, name, "index.mjs");
  const { metafile } = await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    mainFields: ["module", "main"],
    // As infra/functions.ts tells SST: never opened in a Lambda.
    external: PGLITE_MODULES,
    banner: {
      js: [
        'import { createRequire as topLevelCreateRequire } from "module";',
        "const require = topLevelCreateRequire(import.meta.url);",
      ].join(""),
    },
    metafile: true,
    logLevel: "error",
  });
  const byPackage = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const owner = packageOf(input);
      byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput);
    }
  }
  const largest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return {
    name,
    file,
    bytes: statSync(file).size,
    largest,
    packages: [...byPackage.keys()],
  };
}

/** `zod` for a file under node_modules/zod, the folder for our own. */
function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(
    input,
  );
  return match?.[1] ?? input.split("/").slice(0, 3).join("/");
}
