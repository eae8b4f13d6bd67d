import { API_SECURITY_HEADERS, isRosterError, RosterError } from "@roster/core";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { readConfig, realtimeUrlOf } from "./config.js";
import type { AppDeps, AppEnv } from "./env.js";
import { respondWithError, routeNotFound } from "./http/errors.js";
import { MAX_BODY_BYTES } from "./http/input.js";
import { jsonLineLogger, observe } from "./http/observe.js";
import { docsPage } from "./openapi/docs-page.js";
import { openApiDocument } from "./openapi/document.js";
import { employeeActivationRoutes } from "./routes/admin/employee-activation.js";
import { scimTokenRoutes } from "./routes/admin/scim-tokens.js";
import { auditRoutes } from "./routes/audit.js";
import { authRoutes } from "./routes/auth.js";
import { employeeRoutes } from "./routes/employees.js";
import {
  importUploadRoutes,
  type JobDeps,
  jobRoutes,
} from "./routes/jobs/index.js";
import { meRoutes } from "./routes/me.js";
import { organisationRoutes } from "./routes/organisation.js";
import {
  localUploadRoutes,
  type PhotoDeps,
  photoRenditionRoutes,
  photoUploadRoutes,
} from "./routes/photos/index.js";
import { realtimeRoutes } from "./routes/realtime.js";
import { scimRoutes } from "./routes/scim/index.js";
import { vcardRoutes } from "./routes/vcards.js";

export type { AppDeps } from "./env.js";

/** Where tickets send clients; without it, the configured or local URL. */
export interface RealtimeSettings {
  realtimeUrl?: string;
}

type PlatformEnv = { Bindings: { lambdaContext?: { awsRequestId?: string } } };

/** Photo uploads and renditions; without them those routes answer 503. */
export interface PhotoSettings {
  photos?: PhotoDeps;
}

/** Imports, exports and their jobs; without them those routes are 404. */
export interface JobSettings {
  jobs?: JobDeps;
}

/**
 * The one Roster API app. The Lambda adapter and the local Node server
 * both mount it; tests call it in-process with `app.request()`.
 */
export function createApp(
  deps: AppDeps & RealtimeSettings & PhotoSettings & JobSettings,
) {
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
  app.use("/api/*", async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  });
  app.get("/api/openapi.json", (c) => c.json(document));
  app.get("/api/docs", (c) => {
    // The one page the API serves styles itself inline; it runs no script.
    c.header(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    );
    return c.html(page);
  });
  app.get("/api/health", (c) => c.json({ ok: true }));
  // Identity providers authenticate with SCIM tokens, not sessions, so
  // SCIM sits outside the /api actor middleware.
  app.route("/scim/v2", scimRoutes(deps));

  // Before the API's body limit: the upload is the one large body, bounded
  // by its own limit and authorised by its signature.
  const { photos } = deps;
  if (photos?.localUploadSecret) {
    app.route(
      "/api/uploads",
      localUploadRoutes(photos, photos.localUploadSecret),
    );
  }
  // An export file is the other large body, with a limit of its own.
  if (deps.jobs)
    app.route("/api/imports/files", importUploadRoutes(deps, deps.jobs));
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
  if (deps.signIn) app.route("/api/auth", authRoutes(deps, deps.signIn));
  app.use("/api/*", async (c, next) => {
    c.set("actor", await deps.auth.resolve(c));
    await next();
  });
  app.route("/api", auditRoutes(deps));
  app.route("/api/employees", employeeRoutes(deps));
  app.route("/api", vcardRoutes(deps));
  app.route("/api/employees", photoUploadRoutes(deps, photos));
  app.route("/api/photos", photoRenditionRoutes(deps.directory, photos));
  app.route("/api", organisationRoutes(deps));
  app.route("/api/me", meRoutes(deps));
  if (deps.jobs) app.route("/api", jobRoutes(deps, deps.jobs));
  app.route("/api/admin/scim-tokens", scimTokenRoutes(deps));
  app.route("/api/employees", employeeActivationRoutes(deps));
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
