import { discardEvents } from "@roster/core";
import { openDatabase } from "@roster/db";
import { handle } from "hono/aws-lambda";
import { createApp } from "../app.js";
import { noSignIn } from "../auth/actor.js";
import { type ApiConfig, readConfig } from "../config.js";
import type { AppDeps } from "../env.js";

type LambdaHandler = ReturnType<typeof handle>;

/** The Lambda handler for an app built from `deps`. */
export function lambdaHandler(deps: AppDeps): LambdaHandler {
  return handle(createApp(deps));
}

// Each Lambda container serves one request at a time, so two connections
// cover a request's parallel queries; more would only crowd the database.
const LAMBDA_MAX_CONNECTIONS = 2;

/**
 * Builds the handler on the first invocation, once per container, from the
 * environment. Lambda has no embedded database: DATABASE_URL is required.
 */
export function lambdaHandlerFromEnv(
  readSettings: () => ApiConfig = readConfig,
): LambdaHandler {
  let ready: Promise<LambdaHandler> | undefined;
  const build = async () => {
    const config = readSettings();
    if (!config.databaseUrl) {
      throw new Error("DATABASE_URL must be set for the API on Lambda.");
    }
    const { db } = await openDatabase({
      url: config.databaseUrl,
      maxConnections: Math.min(config.maxConnections, LAMBDA_MAX_CONNECTIONS),
    });
    return lambdaHandler({
      directory: { db, events: discardEvents },
      auth: noSignIn,
    });
  };
  return (async (event, context) => {
    ready ??= build().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return (await ready)(event, context);
  }) as LambdaHandler;
}
