import {
  encodeServerMessage,
  type Frame,
  type Presence,
  presenceTopics,
  type Topic,
} from "@roster/core";
import { type Database, findSubscribers, removeConnections } from "@roster/db";
import type { Broadcaster } from "./broadcaster.js";
import { mapSettled } from "./fan-out.js";

/** Writes one structured log entry. */
export type Logger = (entry: Record<string, unknown>) => void;

/** What delivering needs: the connections' store and the gateway. */
export interface DeliveryOptions {
  db: Database;
  broadcaster: Broadcaster;
  /** Posts in flight at once; the default suits one Lambda or laptop. */
  concurrency?: number;
  logger?: Logger;
}

export const DEFAULT_CONCURRENCY = 32;

/** One frame for one connection. */
export interface Post {
  connectionId: string;
  frame: Frame;
}

/** How a round of posts went. */
export interface DeliveryReport {
  delivered: number;
  gone: string[];
  failed: number;
}

// Removing gone connections can take someone offline, which is announced,
// which can find more gone connections; a few rounds settle it.
const MAX_ROUNDS = 3;

/**
 * Posts every frame with a cap on concurrency and awaits them all. Gone
 * connections are deleted, and people left with none are announced
 * offline; other failures are logged and counted.
 */
export async function deliver(
  options: DeliveryOptions,
  posts: readonly Post[],
  round = 1,
): Promise<DeliveryReport> {
  const { broadcaster, concurrency = DEFAULT_CONCURRENCY } = options;
  const results = broadcaster.postMany
    ? await broadcaster.postMany(posts, concurrency)
    : await mapSettled(posts, concurrency, (p) =>
        broadcaster.post(p.connectionId, p.frame),
      );
  const gone: string[] = [];
  const failures: unknown[] = [];
  results.forEach((result, i) => {
    if (result.status === "rejected") failures.push(result.reason);
    else if (result.value === "gone") gone.push(posts[i]?.connectionId ?? "");
  });
  if (failures.length > 0) {
    options.logger?.({
      level: "warn",
      message: "Some realtime posts failed",
      failed: failures.length,
      of: posts.length,
      error: String(failures[0]),
    });
  }
  if (gone.length > 0) {
    const offline = await removeConnections(options.db, gone);
    if (offline.length > 0 && round < MAX_ROUNDS) {
      await announcePresence(
        options,
        offline.map((id) => ({ id, online: false })),
        round + 1,
      );
    }
  }
  return {
    delivered: results.length - gone.length - failures.length,
    gone,
    failed: failures.length,
  };
}

/**
 * Tells the subscribers of `presence`, and of each person, who came online
 * or went offline. Presence is not journaled: a client that reconnects
 * reads it again.
 */
export async function announcePresence(
  options: DeliveryOptions,
  changes: readonly Presence[],
  round = 1,
): Promise<DeliveryReport> {
  const topicsFor = new Map<string, Topic[]>(
    changes.map((c) => [c.id, presenceTopics(c.id)]),
  );
  const everyTopic = [...new Set([...topicsFor.values()].flat())];
  const subscribers = await findSubscribers(options.db, everyTopic);
  const frames = changes.map((change) =>
    encodeServerMessage({ type: "presence", ...change }),
  );
  const posts: Post[] = [];
  for (const { id, subscriptions } of subscribers) {
    const mine = new Set(subscriptions);
    changes.forEach((change, i) => {
      if (topicsFor.get(change.id)?.some((t) => mine.has(t))) {
        posts.push({ connectionId: id, frame: frames[i] as Frame });
      }
    });
  }
  return deliver(options, posts, round);
}
