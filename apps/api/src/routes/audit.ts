import { AuditQuery } from "@roster/core";
import { listAudit, reading } from "@roster/db";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../env.js";
import { parseWith } from "../http/input.js";
import { actorOf } from "./actor.js";

/** Single values of a query string; a repeated parameter keeps its last. */
function singleQuery(all: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(all).map(([k, v]) => [k, v.at(-1) ?? ""]),
  );
}

/**
 * The audit trail: searchable by HR and admins at `/audit`, and one
 * person's history at `/employees/{id}/history` (theirs to read too).
 */
export function auditRoutes({ directory }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/audit", async (c) => {
      const query = parseWith(AuditQuery, singleQuery(c.req.queries()));
      return c.json(await listAudit(reading(directory, actorOf(c)), query));
    })
    .get("/employees/:id/history", async (c) => {
      const query = parseWith(AuditQuery, {
        ...singleQuery(c.req.queries()),
        subject: c.req.param("id"),
      });
      return c.json(await listAudit(reading(directory, actorOf(c)), query));
    });
}
