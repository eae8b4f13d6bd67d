import { isUuid, NotFoundError, ScimTokenCreate } from "@roster/core";
import {
  createScimToken,
  listScimTokens,
  reading,
  revokeScimToken,
  transact,
} from "@roster/db";
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env.js";
import { jsonBody } from "../../http/input.js";
import { actorOf } from "../actor.js";

function tokenId(c: Context): string {
  const id = c.req.param("id") ?? "";
  if (!isUuid(id)) throw new NotFoundError("SCIM token", id);
  return id;
}

/**
 * The bearer tokens identity providers provision people with: issued,
 * listed and revoked by admins. A token's secret is in the response to
 * its creation and nowhere else.
 */
export function scimTokenRoutes({ directory }: AppDeps) {
  return new Hono<AppEnv>()
    .post("/", async (c) => {
      const input = await jsonBody(c, ScimTokenCreate);
      const { token, record } = await transact(directory, actorOf(c), (ctx) =>
        createScimToken(ctx, input),
      );
      c.header("Cache-Control", "no-store");
      c.header("Location", `/api/admin/scim-tokens/${record.id}`);
      return c.json({ ...record, token }, 201);
    })
    .get("/", async (c) => {
      const items = await listScimTokens(reading(directory, actorOf(c)));
      return c.json({ items });
    })
    .delete("/:id", async (c) => {
      const id = tokenId(c);
      await transact(directory, actorOf(c), (ctx) => revokeScimToken(ctx, id));
      return c.body(null, 204);
    });
}
