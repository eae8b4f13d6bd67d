import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What a Function asked the CLI to build: its handler, links, files. */
export interface BuildRequest {
  functionID: string;
  handler: string;
  links: Record<string, unknown>;
  copyFiles?: { from: string; to?: string }[];
  properties: Record<string, unknown> & { architecture?: string };
  isContainer?: boolean;
}

export interface CliStandIn {
  url: string;
  builds: BuildRequest[];
  close(): Promise<void>;
}

/**
 * Stands in for the SST CLI's JSON-RPC server on loopback: answers the
 * bootstrap look-up with fake names and "builds" each handler into an
 * empty bundle, recording what was asked for.
 */
export async function startCliStandIn(): Promise<CliStandIn> {
  const builds: BuildRequest[] = [];
  const methods: Record<string, (args: never) => unknown> = {
    "Provider.Aws.Bootstrap": () => ({
      asset: "sst-asset-mock",
      assetEcrRegistryId: "123456789012",
      assetEcrUrl: "123456789012.dkr.ecr.us-east-1.amazonaws.com/sst-asset",
      state: "sst-state-mock",
      appsyncHttp: "mock.appsync-api.us-east-1.amazonaws.com",
      appsyncRealtime: "mock.appsync-realtime-api.us-east-1.amazonaws.com",
    }),
    "Provider.Aws.Appsync": () => ({
      http: "mock.appsync-api.us-east-1.amazonaws.com",
      realtime: "mock.appsync-realtime-api.us-east-1.amazonaws.com",
    }),
    "Runtime.Build": (input: BuildRequest) => {
      builds.push(input);
      const out = mkdtempSync(join(tmpdir(), "roster-infra-build-"));
      writeFileSync(join(out, "index.mjs"), "export const handler = 0;\n");
      return { handler: input.handler, out, errors: [], sourcemaps: [] };
    },
    "Runtime.AddTarget": () => ({}),
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const { method, params } = JSON.parse(body) as {
        method: string;
        params: [never];
      };
      const answer = methods[method];
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify(
          answer
            ? { result: answer(params[0]), error: null }
            : { result: null, error: `rpc: can't find method ${method}` },
        ),
      );
    });
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    builds,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
