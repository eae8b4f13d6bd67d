import {
  type DomainEvent,
  type EventPublisher,
  encodeServerMessage,
  type Frame,
  hears,
  type SequencedEvent,
  topicsOf,
} from "@roster/core";
import { findSubscribers } from "@roster/db";
import { type DeliveryOptions, deliver, type Post } from "./delivery.js";

/**
 * The publisher the API and the realtime handlers share. Each committed
 * batch goes as one frame to every connection whose topics it touches,
 * holding just the events that connection listens to; a batch too big
 * for a frame becomes a refetch hint on the way out.
 */
export function broadcastingPublisher(
  options: DeliveryOptions,
): EventPublisher {
  return {
    async publish(events, seqs) {
      const sequenced = sequence(events, seqs);
      const topics = [...new Set(sequenced.flatMap(topicsOf))];
      const subscribers = await findSubscribers(options.db, topics);
      // Connections with the same topics get the same frame, built once.
      const frames = new Map<string, Frame | undefined>();
      const posts: Post[] = [];
      for (const { id, subscriptions } of subscribers) {
        const key = [...subscriptions].sort().join(" ");
        if (!frames.has(key)) {
          const mine = new Set(subscriptions);
          const heard = sequenced.filter((e) => hears(mine, e));
          frames.set(
            key,
            heard.length > 0
              ? encodeServerMessage({ type: "events", events: heard })
              : undefined,
          );
        }
        const frame = frames.get(key);
        if (frame) posts.push({ connectionId: id, frame });
      }
      await deliver(options, posts);
    },
  };
}

function sequence(
  events: readonly DomainEvent[],
  seqs: readonly number[],
): SequencedEvent[] {
  if (seqs.length !== events.length) {
    throw new Error(
      `Every event needs its journal number: ${events.length} events, ` +
        `${seqs.length} numbers.`,
    );
  }
  return events.map((event, i) => ({ ...event, seq: seqs[i] as number }));
}
