import { isRosterError } from "@roster/core";
import { getEmployee, reading } from "@roster/db";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../env.js";
import { actorOf } from "./actor.js";

/** Who the caller is, and whether they may act as someone else. */
export function meRoutes({ directory, auth }: AppDeps) {
  return new Hono<AppEnv>().get("/", async (c) => {
    const actor = actorOf(c);
    // Scripts and an empty directory act as an admin who is nobody.
    const employee = await getEmployee(
      reading(directory, actor),
      actor.id,
    ).catch((error: unknown) => {
      if (isRosterError(error) && error.code === "not_found") return null;
      throw error;
    });
    return c.json({ actor, employee, canActAs: auth.allowsActingAs });
  });
}
