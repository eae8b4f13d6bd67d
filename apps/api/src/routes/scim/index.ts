import { NotFoundError, RosterError } from "@roster/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../../env.js";
import { MAX_BODY_BYTES } from "../../http/input.js";
import {
  DEFAULT_SCIM_RATE_LIMIT,
  type ScimRateLimit,
  scimBearer,
} from "./bearer.js";
import {
  listOf,
  serviceProviderConfig,
  userResourceType,
} from "./discovery.js";
import { respondScimError, scimJson } from "./respond.js";
import { userSchemas } from "./user-schema.js";
import { scimUserRoutes } from "./users.js";

const baseOf = (c: { req: { url: string } }) => {
  const url = new URL(c.req.url);
  const discovery = /\/(ServiceProviderConfig|ResourceTypes|Schemas)(\/.*)?$/;
  return `${url.origin}${url.pathname.replace(discovery, "")}`;
};

/**
 * The SCIM 2.0 server identity providers provision people through, at
 * `/scim/v2`. It authenticates with its own bearer tokens, not sessions,
 * and answers every error in SCIM's shape. Groups, bulk requests, sorting,
 * `POST /.search` and the `attributes` and `excludedAttributes` parameters
 * are not offered: lists always return whole Users, and a provider set to
 * push groups gets 404 for them.
 */
export function scimRoutes(
  deps: AppDeps,
  { rateLimit = DEFAULT_SCIM_RATE_LIMIT }: { rateLimit?: ScimRateLimit } = {},
) {
  const app = new Hono<AppEnv>();
  app.onError(respondScimError);
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new RosterError(
          "payload_too_large",
          `The body must be at most ${MAX_BODY_BYTES} bytes.`,
        );
      },
    }),
  );
  app.use(scimBearer(deps.directory, rateLimit));
  app.get("/ServiceProviderConfig", (c) =>
    scimJson(c, serviceProviderConfig(baseOf(c))),
  );
  app.get("/ResourceTypes", (c) =>
    scimJson(c, listOf([userResourceType(baseOf(c))])),
  );
  app.get("/ResourceTypes/User", (c) =>
    scimJson(c, userResourceType(baseOf(c))),
  );
  app.get("/Schemas", (c) => scimJson(c, listOf(userSchemas(baseOf(c)))));
  app.get("/Schemas/:id", (c) => {
    const id = c.req.param("id");
    const found = userSchemas(baseOf(c)).find((s) => s.id === id);
    if (!found) throw new NotFoundError("Schema", id);
    return scimJson(c, found);
  });
  app.route("/Users", scimUserRoutes(deps));
  app.all("*", (c) => {
    throw new RosterError(
      "not_found",
      `There is no ${c.req.method} ${c.req.path} here; this SCIM server ` +
        "serves Users and its discovery endpoints.",
    );
  });
  return app;
}
