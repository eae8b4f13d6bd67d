import { S3Client } from "@aws-sdk/client-s3";
import { discardEvents } from "@roster/core";
import { openDatabase } from "@roster/db";
import {
  broadcastingPublisher,
  managementApiBroadcaster,
} from "@roster/events";
import { ecsLauncher } from "@roster/worker/launch/ecs";
import { handle } from "hono/aws-lambda";
import { createApp, type JobSettings, type PhotoSettings } from "../app.js";
import { noSignIn } from "../auth/actor.js";
import { oidcSignIn } from "../auth/sign-in.js";
import { type ApiConfig, readConfig } from "../config.js";
import type { AppDeps } from "../env.js";
import { s3PhotoDeps } from "../routes/photos/s3-deps.js";

type LambdaHandler = ReturnType<typeof handle>;

/**
 * Photos and imports: files in the photos bucket, each job a Fargate task
 * of the linked worker. Without them (no bucket or task), those routes
 * answer 503.
 */
function workFor(config: ApiConfig): PhotoSettings & JobSettings {
  const task = config.workerTask;
  const bucket = config.photosBucket;
  if (!task || !bucket) return {};
  const launcher = ecsLauncher({
    cluster: task.cluster,
    taskDefinition: task.taskDefinition,
    containerName: task.containers[0] ?? "Worker",
    subnets: task.subnets,
    securityGroups: task.securityGroups,
    assignPublicIp: task.assignPublicIp,
  });
  const client = new S3Client({});
  const photos = s3PhotoDeps({ client, bucket, launcher });
  return {
    photos,
    jobs: {
      launcher,
      files: photos.files,
      companyDomain: config.companyDomain,
    },
  };
}

/**
 * Sign-in with the company's provider when it is configured, which every
 * linked stage requires; without it every request is refused.
 */
function signInFor(
  directory: AppDeps["directory"],
  config: ApiConfig,
): Pick<AppDeps, "auth" | "signIn"> {
  if (!config.oidc || !config.sessionSecret) return { auth: noSignIn };
  return oidcSignIn(directory, {
    issuer: config.oidc.issuer,
    clientId: config.oidc.clientId,
    clientSecret: config.oidc.clientSecret,
    sessionSecret: config.sessionSecret,
    ...(config.oidc.emailClaim ? { emailClaim: config.oidc.emailClaim } : {}),
    ...(config.publicUrl
      ? { publicUrl: config.publicUrl }
      : { trustForwardedHost: true }),
  });
}

/** The Lambda handler for an app built from `deps`. */
export function lambdaHandler(
  deps: Parameters<typeof createApp>[0],
): LambdaHandler {
  return handle(createApp(deps));
}

// Each Lambda container serves one request at a time, so two connections
// cover a request's parallel queries; more would only crowd the database
// (behind RDS Proxy, which multiplexes them), whatever the setting says.
const LAMBDA_MAX_CONNECTIONS = 2;

/**
 * Builds the handler on the first invocation, once per container, from the
 * linked resources or the environment. Lambda has no embedded database: the
 * linked `Database` or DATABASE_URL is required.
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
    // Committed events are journaled either way; with the WebSocket API's
    // management endpoint they are also pushed to live connections at once,
    // without it clients catch up on their next heartbeat.
    const endpoint = config.realtimeEndpoint;
    const events = endpoint
      ? broadcastingPublisher({
          db,
          broadcaster: managementApiBroadcaster({ endpoint }),
        })
      : discardEvents;
    const directory = { db, events };
    return lambdaHandler({
      directory,
      ...signInFor(directory, config),
      ...workFor(config),
      ...(config.realtimeUrl ? { realtimeUrl: config.realtimeUrl } : {}),
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
