import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Bundle, bundleLikeSst } from "../bench/bundle";
import { root } from "./platform";

// The Lambda entries bundled as SST bundles them, then imported by a fresh
// Node process in a folder with no node_modules, as in Lambda: a package
// left out of the bundle, or an entry that does I/O when imported, fails.
const entries = {
  api: { file: "apps/api/src/lambda/index.ts", exports: ["handler"] },
  realtime: {
    file: "apps/realtime/src/lambda.ts",
    exports: ["connect", "disconnect", "message", "sweep"],
  },
  migrator: { file: "apps/api/src/lambda/migrate.ts", exports: ["handler"] },
};

const outdir = mkdtempSync(join(tmpdir(), "roster-lambda-bundles-"));
const bundles = new Map<string, Promise<Bundle>>();
const bundled = (name: string, file: string) => {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = bundleLikeSst(name, join(root, file), outdir);
    bundles.set(name, bundle);
  }
  return bundle;
};

describe.each(Object.entries(entries))(
  "the %s Lambda bundle",
  (name, entry) => {
    it("imports on its own and exports its handlers", async () => {
      const bundle = await bundled(name, entry.file);
      const script =
        `const m = await import(${JSON.stringify(bundle.file)});` +
        "console.log(JSON.stringify(Object.keys(m).sort()));";
      const out = execFileSync(
        process.execPath,
        ["--input-type=module", "-e", script],
        {
          cwd: outdir,
          env: { PATH: process.env.PATH ?? "" },
          encoding: "utf8",
        },
      );
      const exported = JSON.parse(out.trim().split("\n").at(-1) ?? "[]");
      expect(exported).toEqual(expect.arrayContaining(entry.exports));
    });

    it("carries no native image library: photo work stays in the worker", async () => {
      const bundle = await bundled(name, entry.file);
      expect(bundle.packages.filter((p) => /sharp|libvips/.test(p))).toEqual(
        [],
      );
    });
  },
);
