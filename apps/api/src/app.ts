import { isRosterError, RosterError } from "@roster/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { readConfig, realtimeUrlOf } from "./config.js";
import type { AppDeps, AppEnv } from "./env.js";
import { respondWithError, routeNotFound } from "./http/errors.js";
import { MAX_BODY_BYTES } from "./http/input.js";
import { jsonLineLogger, observe } from "./http/observe.js";
import { docsPage } from "./openapi/docs-page.js";
import { openApiDocument } from "./openapi/document.js";
import { employeeRoutes } from "./routes/employees.js";
import { meRoutes } from "./routes/me.js";
import { organisationRoutes } from "./routes/organisation.js";
import { realtimeRoutes } from "./routes/realtime.js";

export type { AppDeps } from "./env.js";

/** Where tickets send clients; without it, the configured or local URL. */
export interface RealtimeSettings {
  realtimeUrl?: string;
}

type PlatformEnv = { Bindings: { lambdaContext?: { awsRequestId?: string } } };

/**
 * The one Roster API app. The Lambda adapter and the local Node server
 * both mount it; tests call it in-process with `app.request()`.
 */
export function createApp(deps: AppDeps & RealtimeSettings) {
  const app = new Hono<AppEnv & PlatformEnv>();
  const document = openApiDocument();
  const page = docsPage(document);

  app.use(
    observe(
      deps.logger ?? jsonLineLogger,
      (c) =>
        (c.env as PlatformEnv["Bindings"] | undefined)?.lambdaContext
          ?.awsRequestId,
    ),
  );
  app.get("/api/openapi.json", (c) => c.json(document));
  app.get("/api/docs", (c) => c.html(page));
  app.get("/api/health", (c) => c.json({ ok: true }));

  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        respondWithError(
          c,
          new RosterError(
            "payload_too_large",
            `The body must be at most ${MAX_BODY_BYTES} bytes.`,
            { maxBytes: MAX_BODY_BYTES },
          ),
        ),
    }),
  );
  app.use("/api/*", async (c, next) => {
    c.set("actor", await deps.auth.resolve(c));
    await next();
  });
  app.route("/api/employees", employeeRoutes(deps));
  app.route("/api", organisationRoutes(deps));
  app.route("/api/me", meRoutes(deps));
  app.route(
    "/api",
    realtimeRoutes(deps, {
      realtimeUrl: deps.realtimeUrl ?? realtimeUrlOf(readConfig()),
    }),
  );
  // Claims the rest of /api, so a UI served beside the API never answers
  // an API typo with its index page.
  app.all("/api/*", (c) => {
    throw routeNotFound(c.req.method, c.req.path);
  });

  app.notFound((c) =>
    respondWithError(c, routeNotFound(c.req.method, c.req.path)),
  );
  app.onError((error, c) => {
    if (!isRosterError(error)) c.set("failure", error);
    return respondWithError(c, error);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
