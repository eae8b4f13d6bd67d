import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BuildRequest, startCliStandIn } from "./cli-server";
import { type DeclaredResource, recordingMocks } from "./mocks";
import {
  fromPlatform,
  platform,
  root as repoRoot,
  requirePlatform,
} from "./platform";

/** Everything one stage declared, for tests to assert on. */
export interface DeclaredStage {
  stage: string;
  app: { name: string; removal?: string; protect?: boolean; home: string };
  resources: DeclaredResource[];
  /** The handlers SST asked its CLI to bundle, with links and files. */
  builds: BuildRequest[];
  outputs: Record<string, unknown>;
  /**
   * What each SST component registered as its outputs, by name: the only
   * place `sst dev` settings (commands, environments) show under mocks.
   */
  components: Record<string, Record<string, unknown>>;
  /** Data look-ups the mocks had no answer for. */
  unknownCalls: string[];
}

// The same module the platform declares as the global `$util`.
type Pulumi = typeof $util;
type SstConfig = {
  app(input: { stage: string }): DeclaredStage["app"] & Record<string, unknown>;
  run(): Promise<Record<string, unknown> | undefined>;
};

/** The company domain the deploying shell passes to every stage. */
export const COMPANY_DOMAIN = "acme.test";

/** The secrets a stage needs, as `sst secret set` would provide them. */
const SECRETS = {
  SessionSecret: "a-session-secret-for-tests",
  OidcIssuer: "https://login.acme.test",
  OidcClientId: "roster",
  OidcClientSecret: "an-oidc-client-secret-for-tests",
};

/**
 * Runs `sst.config.ts` for one stage under Pulumi mocks, with the globals
 * the SST CLI would inject, and returns what it declared. One stage per
 * test file: Pulumi's runtime holds one stack per process.
 */
export async function declareStage(
  stage: string,
  { dev = false }: { dev?: boolean } = {},
): Promise<DeclaredStage> {
  requirePlatform();
  const cli = await startCliStandIn();
  try {
    process.env.SST_SERVER = cli.url;
    process.env.SST_AWS_REGION = "us-east-1";
    // As the deploying shell would set it (see infra/settings.ts).
    process.env.ROSTER_COMPANY_DOMAIN = COMPANY_DOMAIN;
    for (const [name, value] of Object.entries(SECRETS)) {
      process.env[`SST_SECRET_${name}`] = value;
    }
    const pulumi = await fromPlatform<Pulumi>(
      "node_modules/@pulumi/pulumi/index.js",
    );
    const resources: DeclaredResource[] = [];
    const { mocks, unknownCalls } = recordingMocks(resources);
    await pulumi.runtime.setMocks(mocks, "roster", stage, false);
    const registered = recordComponentOutputs(pulumi);

    const g = globalThis as Record<string, unknown>;
    g.$config = (input: unknown) => input;
    const config = (await import("../../sst.config"))
      .default as unknown as SstConfig;
    const app = config.app({ stage });
    g.$app = {
      name: app.name,
      stage,
      removal: app.removal ?? "retain",
      protect: app.protect ?? false,
      providers: app.providers,
    };
    g.$dev = dev;
    const root = buildRoot();
    g.$cli = {
      command: dev ? "dev" : "deploy",
      rpc: cli.url,
      paths: {
        home: root,
        root,
        work: `${root}/.sst`,
        platform,
      },
      state: { version: {} },
    };
    g.$util = pulumi;
    g.$output = pulumi.output;
    g.$interpolate = pulumi.interpolate;
    g.$resolve = pulumi.all;
    g.$concat = pulumi.concat;
    g.$jsonParse = pulumi.jsonParse;
    g.$jsonStringify = pulumi.jsonStringify;
    g.$secrets = SECRETS;
    g.aws = await fromPlatform("node_modules/@pulumi/aws/index.js");
    const component = await fromPlatform<Record<string, unknown>>(
      "src/components/component.ts",
    );
    g.$transform = component.$transform;
    g.$asset = component.$asset;
    const { Link } = await fromPlatform<{
      Link: { makeLinkable: unknown };
    }>("src/components/link.ts");
    g.$linkable = Link.makeLinkable;
    g.sst = await fromPlatform("src/components/index.ts");
    const { run } = await fromPlatform<{
      run(program: () => Promise<unknown>): Promise<Record<string, unknown>>;
    }>("src/auto/run.ts");

    let outputs: Record<string, unknown> = {};
    await pulumi.runtime.runInPulumiStack(async () => {
      const declared = await run(async () => (await config.run()) ?? {});
      outputs = await resolved(pulumi, declared);
      return undefined;
    });
    const settings = await import(
      `${platform}/node_modules/@pulumi/pulumi/runtime/settings.js`
    );
    await settings.waitForRPCs();
    const components: DeclaredStage["components"] = {};
    for (const [name, value] of registered) {
      components[name] = await resolved(pulumi, value);
    }
    return {
      stage,
      app,
      resources,
      builds: cli.builds,
      outputs,
      components,
      unknownCalls: [...unknownCalls],
    };
  } finally {
    await cli.close();
  }
}

/**
 * The folder the program sees as the repository root. Nothing is built
 * under mocks, so it holds what a build would leave behind (the web UI's
 * output, which the static site checks for) and the real migrations,
 * which the migrator's `copyFiles` must find.
 */
function buildRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "roster-infra-root-"));
  const site = join(dir, "apps", "web", "dist");
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, "index.html"), "<!doctype html>");
  mkdirSync(join(dir, "packages", "db"), { recursive: true });
  symlinkSync(
    join(repoRoot, "packages", "db", "drizzle"),
    join(dir, "packages", "db", "drizzle"),
  );
  return dir;
}

function recordComponentOutputs(
  pulumi: Pulumi,
): Map<string, Record<string, unknown>> {
  const registered = new Map<string, Record<string, unknown>>();
  const prototype = pulumi.ComponentResource.prototype as unknown as {
    registerOutputs(this: { __name?: string }, outputs?: unknown): void;
  };
  const original = prototype.registerOutputs;
  prototype.registerOutputs = function (outputs) {
    if (this.__name && outputs && typeof outputs === "object") {
      registered.set(this.__name, outputs as Record<string, unknown>);
    }
    original.call(this, outputs);
  };
  return registered;
}

function resolved(
  pulumi: Pulumi,
  value: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return new Promise((done) =>
    pulumi.output(value).apply((v) => done(v as Record<string, unknown>)),
  );
}
