import type { Actor } from "@roster/core";
import type { Context } from "hono";
import type { AppEnv } from "../env.js";

/** The actor the auth middleware resolved for this request. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw new Error("A route ran before the actor was resolved.");
  return actor;
}
