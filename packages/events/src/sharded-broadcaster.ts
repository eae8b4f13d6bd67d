import { Worker } from "node:worker_threads";
import type { Frame } from "@roster/core";
import {
  type Broadcaster,
  type Delivery,
  type ManagementApiOptions,
  managementApiBroadcaster,
} from "./broadcaster.js";
import { mapSettled } from "./fan-out.js";

/** How a sharded broadcaster spreads a large fan-out. */
export interface ShardedBroadcasterOptions extends ManagementApiOptions {
  /** Worker threads sharing a large fan-out; 2 by default. */
  workers?: number;
  /** Fewer posts than this go out on the calling thread; 200. */
  minPostsToShard?: number;
}

type WorkerResult =
  | { ok: true; value: Delivery }
  | { ok: false; error: string };

interface Lane {
  worker: Worker;
  waiting: Map<number, (results: WorkerResult[] | Error) => void>;
}

const WORKER_SCRIPT = new URL("./post-worker.mjs", import.meta.url);

/**
 * A broadcaster that splits a large fan-out across worker threads, each
 * with its own SDK client: signing and sending a post costs the SDK
 * around half a millisecond of CPU, so one thread reaches about two
 * thousand connections a second at best. Small batches, single posts and
 * disconnects stay on the calling thread. In AWS the same split would be
 * several Lambda invocations; this runner is for one machine (the local
 * server and any long-lived Node process), and a Lambda deployment has
 * no such runner yet. Each thread is its own isolate with its own SDK,
 * so a post costs more CPU in all (about 0.7 ms against 0.5 ms in the
 * fan-out bench): it pays off only where cores sit idle, and on a busy
 * two-core machine it barely moved the p99. Nothing uses it by default.
 */
export function shardedBroadcaster(
  options: ShardedBroadcasterOptions,
): Broadcaster & { destroy(): Promise<void> } {
  const count = options.workers ?? 2;
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`workers must be 1 or more, not ${count}`);
  }
  const threshold = options.minPostsToShard ?? 200;
  const inline = managementApiBroadcaster(options);
  const lanes: (Lane | undefined)[] = new Array(count);
  let nextJob = 0;

  const spawn = (slot: number): Lane => {
    const worker = new Worker(WORKER_SCRIPT, {
      workerData: {
        endpoint: options.endpoint,
        region: options.region ?? process.env.AWS_REGION ?? "us-east-1",
        maxSockets: options.maxSockets ?? 64,
        ...(options.credentials ? { credentials: options.credentials } : {}),
      },
    });
    worker.unref();
    const lane: Lane = { worker, waiting: new Map() };
    worker.on("message", (m: { id: number; results: WorkerResult[] }) => {
      lane.waiting.get(m.id)?.(m.results);
      lane.waiting.delete(m.id);
    });
    // A thread that dies fails what it held; the next batch gets a new one.
    const fail = (error: Error) => {
      if (lanes[slot] === lane) lanes[slot] = undefined;
      for (const settle of lane.waiting.values()) settle(error);
      lane.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`Worker exited (${code})`)));
    return lane;
  };

  const runShard = (
    slot: number,
    posts: readonly { connectionId: string; frame: Frame }[],
    concurrency: number,
  ): Promise<PromiseSettledResult<Delivery>[]> => {
    const lane = lanes[slot] ?? spawn(slot);
    lanes[slot] = lane;
    const id = nextJob++;
    return new Promise((resolve) => {
      lane.waiting.set(id, (answer) =>
        resolve(
          posts.map((_, i) => {
            if (answer instanceof Error) {
              return { status: "rejected", reason: answer };
            }
            const r = answer[i];
            return r?.ok
              ? { status: "fulfilled", value: r.value }
              : { status: "rejected", reason: new Error(r?.error) };
          }),
        ),
      );
      lane.worker.postMessage({ id, posts, concurrency });
    });
  };

  return {
    post: inline.post,
    disconnect: inline.disconnect,
    async postMany(posts, concurrency) {
      if (posts.length < threshold) {
        return mapSettled(posts, concurrency, (p) =>
          inline.post(p.connectionId, p.frame),
        );
      }
      // Contiguous shards, the cap shared between them.
      const size = Math.ceil(posts.length / count);
      const each = Math.max(1, Math.ceil(concurrency / count));
      const shards = [];
      for (let slot = 0; slot * size < posts.length; slot++) {
        const part = posts.slice(slot * size, (slot + 1) * size);
        shards.push(runShard(slot, part, each));
      }
      return (await Promise.all(shards)).flat();
    },
    async destroy() {
      inline.destroy();
      await Promise.all(
        lanes.splice(0).map((lane) => lane?.worker.terminate()),
      );
    },
  };
}
