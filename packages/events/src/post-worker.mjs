// @ts-check
// One thread of a sharded fan-out: posts the frames it is handed through
// its own management-API client, a capped number at a time, and answers
// how each went. Plain JavaScript, so a worker thread can load it under
// any runner without a TypeScript loader; it mirrors the client settings
// and gone check of `managementApiBroadcaster` in broadcaster.ts.
import { Agent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { parentPort, workerData } from "node:worker_threads";
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";

/** @type {{ endpoint: string, region: string, maxSockets: number,
 *   credentials?: { accessKeyId: string, secretAccessKey: string } }} */
const options = workerData;
const client = new ApiGatewayManagementApiClient({
  endpoint: options.endpoint,
  region: options.region,
  ...(options.credentials ? { credentials: options.credentials } : {}),
  maxAttempts: 2,
  cacheMiddleware: true,
  requestHandler: {
    httpAgent: new Agent({ keepAlive: true, maxSockets: options.maxSockets }),
    httpsAgent: new HttpsAgent({
      keepAlive: true,
      maxSockets: options.maxSockets,
    }),
  },
});

/** @param {any} error */
const isGone = (error) =>
  error?.name === "GoneException" || error?.$metadata?.httpStatusCode === 410;

/**
 * @param {{ connectionId: string, frame: string }} post
 * @returns {Promise<{ ok: true, value: "delivered" | "gone" }
 *   | { ok: false, error: string }>}
 */
async function send({ connectionId, frame }) {
  try {
    await client.send(
      new PostToConnectionCommand({ ConnectionId: connectionId, Data: frame }),
    );
    return { ok: true, value: "delivered" };
  } catch (error) {
    if (isGone(error)) return { ok: true, value: "gone" };
    return { ok: false, error: String(error) };
  }
}

parentPort?.on(
  "message",
  /** @param {{ id: number, posts: { connectionId: string, frame: string }[],
   *   concurrency: number }} job */
  async ({ id, posts, concurrency }) => {
    /** @type {Awaited<ReturnType<typeof send>>[]} */
    const results = new Array(posts.length);
    let next = 0;
    const lane = async () => {
      while (next < posts.length) {
        const index = next++;
        results[index] = await send(/** @type {any} */ (posts[index]));
      }
    };
    const lanes = Math.max(1, Math.min(concurrency, posts.length));
    await Promise.all(Array.from({ length: lanes }, lane));
    parentPort?.postMessage({ id, results });
  },
);
