import { PGLITE_MODULES } from "./bundling";
import { vpc } from "./network";

/**
 * What every Lambda shares. They run on arm64, which is cheaper; no native
 * module is bundled for them (photo work stays in the worker container),
 * so the architecture cannot disagree with a binary. They sit in the VPC's
 * private subnets to reach the database through its proxy.
 */
export const lambdaDefaults = {
  runtime: "nodejs20.x",
  architecture: "arm64",
  memory: "1024 MB",
  vpc,
  nodejs: {
    format: "esm",
    minify: true,
    sourcemap: true,
    esbuild: { external: PGLITE_MODULES },
  },
} as const satisfies Partial<sst.aws.FunctionArgs>;
