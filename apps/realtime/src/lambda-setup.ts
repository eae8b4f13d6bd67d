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

// Each Lambda container serves one event at a time.
const LAMBDA_MAX_CONNECTIONS = 2;

/** The Lambda entries: the three routes and the scheduled sweep. */
export interface LambdaEntries {
  connect(event: WebSocketEvent): Promise<HandlerResult>;
  disconnect(event: WebSocketEvent): Promise<HandlerResult>;
  message(event: WebSocketEvent): Promise<HandlerResult>;
  sweep(): Promise<SweepReport>;
}

/**
 * Builds the entries from the environment on first use, once per
 * container: DATABASE_URL is required; ROSTER_REALTIME_ENDPOINT is
 * optional for the routes and required for the sweep, which has no event
 * to take a domain from.
 */
export function lambdaEntries(env: NodeJS.ProcessEnv): LambdaEntries {
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
    const url = env.DATABASE_URL?.trim();
    if (!url) {
      throw new Error("DATABASE_URL must be set for the realtime handlers.");
    }
    const { db } = await openDatabase({
      url,
      maxConnections: LAMBDA_MAX_CONNECTIONS,
    });
    const handlers = createHandlers({
      db,
      broadcasterFor: (event) =>
        broadcasterAt(managementEndpoint(event, env.ROSTER_REALTIME_ENDPOINT)),
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
      const endpoint = env.ROSTER_REALTIME_ENDPOINT?.trim();
      if (!endpoint) {
        throw new Error("ROSTER_REALTIME_ENDPOINT must be set for the sweep.");
      }
      const { db } = await built();
      return sweepConnections({
        db,
        broadcaster: broadcasterAt(endpoint),
        logger: jsonLineLogger,
      });
    },
  };
}
