import {
  canonicalUser,
  isRosterError,
  parsePatchRequest,
  parseUserFilter,
  readScimUser,
  SCIM_LIST_RESPONSE,
  SCIM_MAX_PAGE,
  type ScimObject,
  type ScimSubject,
  scimBadRequest,
  scimVersion,
  toScimUser,
} from "@roster/core";
import {
  deactivateEmployee,
  getScimUser,
  listScimUsers,
  patchScimUser,
  provisionScimUser,
  reading,
  replaceScimUser,
  transact,
} from "@roster/db";
import { type Context, Hono } from "hono";
import * as z from "zod";
import type { AppDeps, AppEnv } from "../../env.js";
import { ifMatchVersion, jsonBody } from "../../http/input.js";
import { actorOf } from "../actor.js";
import { scimJson } from "./respond.js";

/** The absolute URL of the Users endpoint this request came to. */
const usersUrl = (c: Context) =>
  `${new URL(c.req.url).origin}${c.req.path.replace(/\/Users(\/.*)?$/, "")}/Users`;

function show(c: Context, user: ScimSubject, status = 200) {
  c.header("ETag", scimVersion(user.version));
  return scimJson(c, toScimUser(user, usersUrl(c)), status);
}

async function body(c: Context): Promise<ScimObject> {
  let value: unknown;
  try {
    value = await jsonBody(c, z.unknown());
  } catch (error) {
    if (isRosterError(error) && error.code === "invalid_input") {
      throw scimBadRequest("invalidSyntax", error.message);
    }
    throw error;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw scimBadRequest("invalidSyntax", "The body must be a JSON object.");
  }
  return value as ScimObject;
}

function whole(value: string | undefined, name: string, fallback: number) {
  if (value === undefined || value === "") return fallback;
  if (!/^-?\d{1,9}$/.test(value)) {
    throw scimBadRequest("invalidValue", `${name} must be a whole number.`);
  }
  return Number(value);
}

/** The Users endpoint: what an identity provider provisions through. */
export function scimUserRoutes({ directory }: AppDeps) {
  const read = (c: Context<AppEnv>) => reading(directory, actorOf(c));
  const write = <T>(
    c: Context<AppEnv>,
    op: Parameters<typeof transact<T>>[2],
  ) => transact(directory, actorOf(c), op);

  return new Hono<AppEnv>()
    .get("/", async (c) => {
      const filter = c.req.query("filter");
      // RFC 7644, section 3.4.2.4: below 1 means 1, a negative count 0.
      const startIndex = Math.max(
        1,
        whole(c.req.query("startIndex"), "startIndex", 1),
      );
      const count = Math.min(
        SCIM_MAX_PAGE,
        Math.max(0, whole(c.req.query("count"), "count", SCIM_MAX_PAGE)),
      );
      const page = await listScimUsers(read(c), {
        filter: filter ? parseUserFilter(filter) : [],
        startIndex,
        count,
      });
      return scimJson(c, {
        schemas: [SCIM_LIST_RESPONSE],
        totalResults: page.totalResults,
        startIndex,
        itemsPerPage: page.resources.length,
        Resources: page.resources.map((u) => toScimUser(u, usersUrl(c))),
      });
    })
    .post("/", async (c) => {
      const changes = readScimUser(canonicalUser(await body(c)));
      const user = await write(c, (ctx) => provisionScimUser(ctx, changes));
      c.header("Location", `${usersUrl(c)}/${user.id}`);
      return show(c, user, 201);
    })
    .get("/:id", async (c) => {
      return show(c, await getScimUser(read(c), c.req.param("id")));
    })
    .put("/:id", async (c) => {
      const version = ifMatchVersion(c);
      const changes = readScimUser(canonicalUser(await body(c)));
      const user = await write(c, (ctx) =>
        replaceScimUser(ctx, c.req.param("id"), changes, version),
      );
      return show(c, user);
    })
    .patch("/:id", async (c) => {
      const version = ifMatchVersion(c);
      const operations = parsePatchRequest(await body(c));
      const user = await write(c, (ctx) =>
        patchScimUser(ctx, c.req.param("id"), operations, usersUrl(c), version),
      );
      return show(c, user);
    })
    .delete("/:id", async (c) => {
      // A DELETE deactivates, as PATCH active=false does: the person's
      // history stays, and the identity provider can bring them back. RFC
      // 7644 (section 3.6) wants a deleted User to answer 404 from then on;
      // this one still reads, as inactive, which is what makes that
      // return possible.
      const version = ifMatchVersion(c);
      const id = c.req.param("id");
      await write(c, async (ctx) => {
        await getScimUser(ctx, id);
        await deactivateEmployee(ctx, id, version);
      });
      return c.body(null, 204);
    });
}
