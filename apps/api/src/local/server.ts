import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { webSecurityHeaders } from "@roster/core";
import { Hono } from "hono";
import {
  createApp,
  type JobSettings,
  type PhotoSettings,
  type RealtimeSettings,
} from "../app.js";
import type { AppDeps } from "../env.js";

/** A running local server and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the API under /api and, when `webRoot` holds a built UI, the UI
 * at every other path (unknown paths get index.html for client routing).
 */
export async function serveLocally(
  deps: AppDeps & RealtimeSettings & PhotoSettings & JobSettings,
  {
    port,
    host = "127.0.0.1",
    webRoot,
  }: {
    port: number;
    host?: string;
    webRoot?: string;
  },
): Promise<RunningServer> {
  const root = new Hono();
  root.route("/", createApp(deps));
  if (webRoot && existsSync(join(webRoot, "index.html"))) {
    const index = await readFile(join(webRoot, "index.html"), "utf8");
    const headers = webSecurityHeaders({
      connect: deps.realtimeUrl ? [new URL(deps.realtimeUrl).origin] : [],
    });
    // Plain HTTP on loopback: HSTS would pin localhost to https.
    delete headers["Strict-Transport-Security"];
    root.use("*", async (c, next) => {
      await next();
      if (c.req.path.startsWith("/api/")) return;
      for (const [name, value] of Object.entries(headers)) {
        c.res.headers.set(name, value);
      }
    });
    root.use(
      "*",
      serveStatic({ root: relative(process.cwd(), webRoot) || "." }),
    );
    root.get("*", (c) => c.html(index));
  }
  const server = serve({ fetch: root.fetch, port, hostname: host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
