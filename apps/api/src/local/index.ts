import { join } from "node:path";
import type { ImportReport } from "@roster/core";
import { type Directory, openDatabase } from "@roster/db";
import {
  broadcastingPublisher,
  LOCAL_CREDENTIALS,
  managementApiBroadcaster,
} from "@roster/events";
import { type LocalRealtime, startLocalRealtime } from "@roster/realtime/local";
import { localActorResolver } from "../auth/actor.js";
import { REPO_ROOT, readConfig } from "../config.js";
import { datasetPath } from "../datasets.js";
import { jsonLineLogger, type Logger } from "../http/observe.js";
import { localJobDeps } from "./jobs.js";
import { localPhotoDeps } from "./photos.js";
import { seedIfEmpty } from "./seed.js";
import { serveLocally } from "./server.js";
import { type LocalSignIn, startLocalSignIn } from "./sign-in.js";
import { startUploadSweep } from "./upload-sweep.js";

/** How the local stack signs people in: ROSTER_SIGN_IN, else "oidc". */
function signInMode(): "oidc" | "act-as" {
  const raw = process.env.ROSTER_SIGN_IN?.trim() || "oidc";
  if (raw !== "oidc" && raw !== "act-as") {
    throw new Error(`ROSTER_SIGN_IN must be "oidc" or "act-as", not ${raw}.`);
  }
  return raw;
}

/** The local identity provider's port: ROSTER_IDP_PORT, else 8789. */
function identityProviderPort(): number {
  const raw = process.env.ROSTER_IDP_PORT?.trim() || "8789";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`ROSTER_IDP_PORT must be a port number, not ${raw}.`);
  }
  return port;
}

export interface LocalStackOptions {
  port?: number;
  /** The live-updates server's port; 0 picks a free one. */
  realtimePort?: number;
  /** A PGlite data directory, or `memory://`; ignored with a databaseUrl. */
  dataDir?: string;
  databaseUrl?: string;
  /** Load the sample company when the directory is empty. */
  seed?: boolean;
  /** A built web UI to serve beside the API. */
  webRoot?: string;
  logger?: Logger;
  /**
   * "oidc" (the default) signs people in through a local OpenID Connect
   * provider; "act-as" skips sign-in and acts as the local admin.
   */
  signIn?: "oidc" | "act-as";
  /** The local identity provider's port; 0 picks a free one. */
  identityProviderPort?: number;
  /** Where uploads, import reports and exports go; ROSTER_FILES_DIR. */
  filesDir?: string;
}

export interface LocalStack {
  url: string;
  /** The live-updates server; stop and start it on its own. */
  realtime: LocalRealtime;
  seedReport: ImportReport | undefined;
  /** The local identity provider's issuer, when signing in through it. */
  identityProvider?: string;
  close(): Promise<void>;
}

/**
 * The whole product on one machine: the database (embedded unless a URL
 * is given), migrated and optionally seeded, the API with the UI, and the
 * live-updates server standing in for API Gateway's WebSocket API.
 */
export async function startLocalStack(
  options: LocalStackOptions = {},
): Promise<LocalStack> {
  const config = readConfig();
  const logger = options.logger ?? jsonLineLogger;
  // An explicit data directory wins over DATABASE_URL from the environment.
  const databaseUrl =
    options.databaseUrl ?? (options.dataDir ? undefined : config.databaseUrl);
  const handle = await openDatabase(
    databaseUrl
      ? { url: databaseUrl, maxConnections: config.maxConnections }
      : { dataDir: options.dataDir ?? config.dataDir },
  );
  let realtime: LocalRealtime | undefined;
  let stopSignIn: (() => Promise<void>) | undefined;
  try {
    await handle.migrate();
    realtime = await startLocalRealtime({
      db: handle.db,
      port: options.realtimePort ?? config.realtimePort,
      logger,
    });
    // The real SDK client, posting to the local management endpoint.
    const broadcaster = managementApiBroadcaster({
      endpoint: realtime.managementEndpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    const directory: Directory = {
      db: handle.db,
      events: broadcastingPublisher({ db: handle.db, broadcaster, logger }),
      onPublishError: (error) =>
        logger({
          level: "error",
          message: "publishing failed",
          error: String(error),
        }),
    };
    let seedReport: ImportReport | undefined;
    const file = datasetPath("oracle-hr", "employees-joined.csv");
    if (options.seed && file) {
      seedReport = await seedIfEmpty(directory, {
        file,
        companyDomain: config.companyDomain,
        adminEmail: config.localAdminEmail,
      });
    } else if (options.seed) {
      logger({
        level: "warn",
        message: "The sample data set is missing; starting empty.",
      });
    }
    const access: Pick<LocalSignIn, "auth"> & Partial<LocalSignIn> =
      (options.signIn ?? signInMode()) === "act-as"
        ? { auth: localActorResolver(directory, config.localAdminEmail) }
        : await startLocalSignIn(directory, {
            port: options.identityProviderPort ?? identityProviderPort(),
            ...(databaseUrl || options.dataDir?.startsWith("memory://")
              ? {}
              : { secretFile: join(REPO_ROOT, ".data", "session-secret") }),
          });
    stopSignIn = access.close;
    const filesDir =
      options.filesDir ??
      (process.env.ROSTER_FILES_DIR?.trim() ||
        join(REPO_ROOT, ".data", "files"));
    const stopSweep = startUploadSweep(filesDir, logger);
    const jobs = localJobDeps({
      directory,
      filesDir,
      databaseUrl,
      realtimeEndpoint: realtime.managementEndpoint,
      companyDomain: config.companyDomain,
      logger,
    });
    const server = await serveLocally(
      {
        directory,
        auth: access.auth,
        ...(access.signIn ? { signIn: access.signIn } : {}),
        logger,
        realtimeUrl: config.realtimeUrl ?? realtime.url,
        photos: localPhotoDeps({ filesDir, launcher: jobs.launcher }),
        jobs,
      },
      { port: options.port ?? config.port, webRoot: options.webRoot },
    );
    const live = realtime;
    return {
      url: server.url,
      realtime: live,
      seedReport,
      ...(access.issuer ? { identityProvider: access.issuer } : {}),
      close: async () => {
        stopSweep();
        await server.close();
        await access.close?.();
        await live.stop();
        broadcaster.destroy();
        await handle.close();
      },
    };
  } catch (error) {
    await stopSignIn?.();
    await realtime?.stop();
    await handle.close();
    throw error;
  }
}
