import { PresenceQuery } from "@roster/core";
import { issueTicket, presenceOf, reading, transact } from "@roster/db";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../env.js";
import { parseWith } from "../http/input.js";
import { actorOf } from "./actor.js";

/**
 * Live updates: tickets for the WebSocket (the session credential never
 * goes in a URL; a one-minute, single-use ticket does) and who is online.
 */
export function realtimeRoutes(
  { directory }: AppDeps,
  { realtimeUrl }: { realtimeUrl: string },
) {
  return new Hono<AppEnv>()
    .post("/realtime/tickets", async (c) => {
      const { ticket, expiresAt } = await transact(
        directory,
        actorOf(c),
        (ctx) => issueTicket(ctx, { sessionId: c.get("sessionId") }),
      );
      c.header("Cache-Control", "no-store");
      return c.json({ ticket, expiresAt, url: realtimeUrl }, 201);
    })
    .get("/presence", async (c) => {
      const { id } = parseWith(PresenceQuery, c.req.queries());
      const items = await presenceOf(reading(directory, actorOf(c)), id);
      return c.json({ items });
    });
}
