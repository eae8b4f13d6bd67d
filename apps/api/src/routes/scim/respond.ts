import { isRosterError, SCIM_MEDIA_TYPE, scimErrorOf } from "@roster/core";
import type { Context } from "hono";
import type { AppEnv } from "../../env.js";

/** Answers in SCIM's media type, which clients expect even on errors. */
export function scimJson(c: Context, body: unknown, status = 200) {
  return c.body(JSON.stringify(body), status as 200, {
    "Content-Type": `${SCIM_MEDIA_TYPE}; charset=utf-8`,
  });
}

/** Answers any thrown value with SCIM's error body; 500s are logged. */
export function respondScimError(error: unknown, c: Context<AppEnv>) {
  if (!isRosterError(error)) c.set("failure", error);
  const { status, body } = scimErrorOf(error);
  if (status === 401) c.header("WWW-Authenticate", 'Bearer realm="SCIM"');
  return scimJson(c, body, status);
}
