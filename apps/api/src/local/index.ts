import type { ImportReport } from "@roster/core";
import { type Directory, openDatabase } from "@roster/db";
import {
  broadcastingPublisher,
  LOCAL_CREDENTIALS,
  managementApiBroadcaster,
} from "@roster/events";
import { type LocalRealtime, startLocalRealtime } from "@roster/realtime/local";
import { localActorResolver } from "../auth/actor.js";
import { readConfig } from "../config.js";
import { datasetPath } from "../datasets.js";
import { jsonLineLogger, type Logger } from "../http/observe.js";
import { seedIfEmpty } from "./seed.js";
import { serveLocally } from "./server.js";

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
}

export interface LocalStack {
  url: string;
  /** The live-updates server; stop and start it on its own. */
  realtime: LocalRealtime;
  seedReport: ImportReport | undefined;
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
    const server = await serveLocally(
      {
        directory,
        auth: localActorResolver(directory, config.localAdminEmail),
        logger,
        realtimeUrl: config.realtimeUrl ?? realtime.url,
      },
      { port: options.port ?? config.port, webRoot: options.webRoot },
    );
    const live = realtime;
    return {
      url: server.url,
      realtime: live,
      seedReport,
      close: async () => {
        await server.close();
        await live.stop();
        broadcaster.destroy();
        await handle.close();
      },
    };
  } catch (error) {
    await realtime?.stop();
    await handle.close();
    throw error;
  }
}
