import { Hono } from "hono";
import { handle } from "hono/aws-lambda";

/** The baseline: the smallest Hono app on Lambda, bundled the same way. */
export const handler = handle(new Hono().get("/", (c) => c.text("hello")));
