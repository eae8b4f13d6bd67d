import type { Actor, DomainEvent } from "@roster/core";
import type { DatabaseHandle } from "@roster/db";
import { openTestDatabase } from "@roster/db/testing";
import { createApp } from "./app.js";
import { localActorResolver } from "./auth/actor.js";

/** An app on its own fresh database, recording its logs and events. */
export async function openTestApp(adminEmail = "nobody@example.com") {
  const handle: DatabaseHandle = await openTestDatabase();
  const logs: Record<string, unknown>[] = [];
  const events: DomainEvent[] = [];
  const directory = {
    db: handle.db,
    events: {
      publish: async (es: readonly DomainEvent[]) => void events.push(...es),
    },
  };
  const app = createApp({
    directory,
    auth: localActorResolver(directory, adminEmail),
    logger: (entry) => logs.push(entry),
  });
  return { app, handle, logs, events, directory, close: () => handle.close() };
}

/** Headers for a JSON request, optionally acting as someone. */
export function jsonHeaders(extra: Record<string, string> = {}, as?: Actor) {
  return {
    "content-type": "application/json",
    ...(as ? { "x-roster-act-as": as.id } : {}),
    ...extra,
  };
}
