import { STALE_AFTER_MS } from "@roster/core";
import { pruneJournal, pruneTickets, sweepStaleConnections } from "@roster/db";
import {
  announcePresence,
  DEFAULT_CONCURRENCY,
  type DeliveryOptions,
} from "./delivery.js";
import { mapSettled } from "./fan-out.js";

/** What one sweep cleared away. */
export interface SweepReport {
  removed: number;
  wentOffline: string[];
  prunedEvents: number;
  prunedTickets: number;
}

/**
 * The periodic clean-up: connections silent past the stale window are
 * deleted and closed at the gateway, their people announced offline, and
 * old journal entries and unused tickets dropped.
 */
export async function sweepConnections(
  options: DeliveryOptions & { now?: Date; staleAfterMs?: number },
): Promise<SweepReport> {
  const { db, broadcaster, now = new Date() } = options;
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const { removed, wentOffline } = await sweepStaleConnections(db, {
    now,
    staleAfterMs,
  });
  await mapSettled(removed, options.concurrency ?? DEFAULT_CONCURRENCY, (id) =>
    broadcaster.disconnect(id),
  );
  await announcePresence(
    options,
    wentOffline.map((id) => ({ id, online: false })),
  );
  return {
    removed: removed.length,
    wentOffline,
    prunedEvents: await pruneJournal(db),
    prunedTickets: await pruneTickets(db),
  };
}
