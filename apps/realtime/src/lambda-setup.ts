import {
  processSource,
  readRealtimeSettings,
  type SettingsSource,
} from "@roster/config";
import { type Database, openDatabase } from "@roster/db";
import {
  type Broadcaster,
  type Logger,
  managementApiBroadcaster,
  type SweepReport,
  sweepConnections,
} from "@roster/events";
import {
  createHandlers,
  type HandlerResult,
  type RealtimeHandlers,
  type WebSocketEvent,
} from "./handlers/index.js";

/** One JSON line per entry, so the cloud log keeps each one whole. */
export const jsonLineLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

/**
 * Where API Gateway's management API is for an event: the configured
 * endpoint (needed behind a custom domain), else the event's own domain
 * and stage.
 */
export function managementEndpoint(
  event: WebSocketEvent,
  configured?: string,
): string {
  if (configured?.trim()) return configured.trim();
  const { domainName, stage } = event.requestContext;
  return `https://${domainName}/${stage}`;
}

// Each Lambda container serves one event at a time: two connections at
// most, whatever the setting says, so concurrency cannot exhaust the
// database behind RDS Proxy.
const LAMBDA_MAX_CONNECTIONS = 2;

/** The Lambda entries: the three routes and the scheduled sweep. */
export interface LambdaEntries {
  connect(event: WebSocketEvent): Promise<HandlerResult>;
  disconnect(event: WebSocketEvent): Promise<HandlerResult>;
  message(event: WebSocketEvent): Promise<HandlerResult>;
  sweep(): Promise<SweepReport>;
}

/**
 * Builds the entries from their settings on first use, once per
 * container: the database is required; the management endpoint is
 * optional for the routes and required for the sweep, which has no event
 * to take a domain from.
 */
export function lambdaEntries(
  source: SettingsSource = processSource(),
): LambdaEntries {
  const broadcasters = new Map<string, Broadcaster>();
  const broadcasterAt = (endpoint: string) => {
    let broadcaster = broadcasters.get(endpoint);
    if (!broadcaster) {
      broadcaster = managementApiBroadcaster({ endpoint });
      broadcasters.set(endpoint, broadcaster);
    }
    return broadcaster;
  };
  let ready: Promise<{ handlers: RealtimeHandlers; db: Database }> | undefined;
  const build = async () => {
    const settings = readRealtimeSettings(source);
    const { db } = await openDatabase({
      url: settings.databaseUrl,
      maxConnections: Math.min(settings.maxConnections, LAMBDA_MAX_CONNECTIONS),
    });
    const handlers = createHandlers({
      db,
      broadcasterFor: (event) =>
        broadcasterAt(managementEndpoint(event, settings.managementEndpoint)),
      logger: jsonLineLogger,
    });
    return { handlers, db };
  };
  const built = () => {
    ready ??= build().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    connect: async (event) => (await built()).handlers.connect(event),
    disconnect: async (event) => (await built()).handlers.disconnect(event),
    message: async (event) => (await built()).handlers.message(event),
    sweep: async () => {
      // Read first: without its endpoint the sweep must not start at all.
      const { managementEndpoint: endpoint } = readRealtimeSettings(source, {
        needsEndpoint: true,
      });
      const { db } = await built();
      return sweepConnections({
        db,
        broadcaster: broadcasterAt(endpoint),
        logger: jsonLineLogger,
      });
    },
  };
}
