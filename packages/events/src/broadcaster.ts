import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import type { Frame } from "@roster/core";

/** What became of one post: sent, or the connection no longer exists. */
export type Delivery = "delivered" | "gone";

/**
 * Sends frames to live connections. Failures other than a gone connection
 * throw, so the caller can log them without mistaking them for a close.
 */
export interface Broadcaster {
  post(connectionId: string, frame: Frame): Promise<Delivery>;
  /**
   * Posts many frames, at most `concurrency` in flight, each settled in
   * its slot. Optional: without it, `post` is called for each.
   */
  postMany?(
    posts: readonly { connectionId: string; frame: Frame }[],
    concurrency: number,
  ): Promise<PromiseSettledResult<Delivery>[]>;
  /** Closes a connection from the server's side. */
  disconnect(connectionId: string): Promise<Delivery>;
}

/** Where the management API is and how to sign requests to it. */
export interface ManagementApiOptions {
  /** `https://{api}.execute-api.{region}.amazonaws.com/{stage}`, or local. */
  endpoint: string;
  region?: string;
  /** Omit in AWS to use the Lambda role; the local server takes any. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Sockets to the endpoint; keep it at or above the fan-out cap. */
  maxSockets?: number;
}

/** Dummy credentials for the local management endpoint, which signs nothing. */
export const LOCAL_CREDENTIALS = {
  accessKeyId: "roster-local",
  secretAccessKey: "roster-local",
};

/** True for API Gateway's answer about a connection that has closed. */
export function isGone(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "GoneException" || e?.$metadata?.httpStatusCode === 410;
}

/**
 * A broadcaster over API Gateway's management API (`PostToConnection`,
 * `DeleteConnection`) through the AWS SDK, in AWS and locally alike.
 */
export function managementApiBroadcaster(
  options: ManagementApiOptions,
): Broadcaster & { destroy(): void } {
  const maxSockets = options.maxSockets ?? 64;
  const client = new ApiGatewayManagementApiClient({
    endpoint: options.endpoint,
    region: options.region ?? process.env.AWS_REGION ?? "us-east-1",
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // One retry for a blip; a longer outage is what the journal is for.
    maxAttempts: 2,
    cacheMiddleware: true,
    requestHandler: {
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets }),
    },
  });
  const settle = async (send: () => Promise<unknown>): Promise<Delivery> => {
    try {
      await send();
      return "delivered";
    } catch (error) {
      if (isGone(error)) return "gone";
      throw error;
    }
  };
  return {
    post: (ConnectionId, frame) =>
      settle(() =>
        client.send(new PostToConnectionCommand({ ConnectionId, Data: frame })),
      ),
    disconnect: (ConnectionId) =>
      settle(() => client.send(new DeleteConnectionCommand({ ConnectionId }))),
    destroy: () => client.destroy(),
  };
}
