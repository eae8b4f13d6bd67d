import {
  assertCanManageJobs,
  ColumnMapping,
  ConflictError,
  checkImportSource,
  ImportPreviewParams,
  JOB_TYPES,
  JobType,
  NotFoundError,
} from "@roster/core";
import {
  cancelJob,
  createApplyJob,
  createJob,
  getJob,
  listJobs,
  readImportDiff,
  reading,
  retryJob,
  transact,
} from "@roster/db";
import { Hono, type MiddlewareHandler } from "hono";
import * as z from "zod";
import type { AppDeps, AppEnv } from "../../env.js";
import { jsonBody, parseWith } from "../../http/input.js";
import { actorOf } from "../actor.js";
import { type JobDeps, launch } from "./deps.js";

/** The body that starts an import preview. */
export const PreviewRequest = z
  .object({
    fileKey: ImportPreviewParams.shape.fileKey,
    fileName: z.string().max(255).optional(),
    format: z.enum(["csv", "ldif"]),
    mapping: ColumnMapping,
    emailDomain: z.string().trim().min(1).max(253).optional(),
  })
  .strict();

/** Which page of a preview's diff to read. */
export const DiffQuery = z.object({
  kind: z
    .enum(["new", "changed", "unchanged", "rejected", "problems"])
    .optional(),
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** Which jobs to list. */
export const ListQuery = z.object({
  type: JobType.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/**
 * Imports (upload, preview, approve), exports and their jobs: status,
 * cancel, retry and the report. HR and admins only.
 */
export function jobRoutes({ directory, logger }: AppDeps, jobs: JobDeps) {
  const start = async (
    c: Parameters<typeof actorOf>[0],
    type: string,
    params: Record<string, unknown>,
  ) => {
    const actor = actorOf(c);
    const job = await transact(directory, actor, (ctx) =>
      createJob(ctx, { type, params }),
    );
    await launch(directory, actor, jobs.launcher, job, logger);
    return c.json(await getJob(reading(directory, actor), job.id), 202);
  };
  const staffJob = async (c: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(c);
    assertCanManageJobs(actor);
    return getJob(reading(directory, actor), id);
  };
  const staffOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
    assertCanManageJobs(actorOf(c));
    await next();
  };
  // Mounted at /api beside other routes: the check covers these paths only.
  return new Hono<AppEnv>()
    .use("/imports/*", staffOnly)
    .use("/exports/*", staffOnly)
    .use("/jobs", staffOnly)
    .use("/jobs/*", staffOnly)
    .post("/imports/previews", async (c) => {
      const input = await jsonBody(c, PreviewRequest);
      // Refused now, not as a failed job: a file that is gone (404) or
      // a CSV header missing a mapped column (400).
      await checkImportSource(
        await jobs.files.read(input.fileKey),
        input.mapping,
        { format: input.format },
      );
      return start(c, JOB_TYPES.importPreview, {
        ...input,
        fileName: input.fileName ?? "upload",
        emailDomain: input.emailDomain ?? jobs.companyDomain,
      });
    })
    .get("/imports/previews/:id/diff", async (c) => {
      const job = await staffJob(c, c.req.param("id"));
      if (job.type !== JOB_TYPES.importPreview) {
        throw new NotFoundError("import preview", job.id);
      }
      const query = parseWith(DiffQuery, c.req.query());
      const page = await readImportDiff(
        reading(directory, actorOf(c)),
        job.id,
        {
          ...(query.kind && { kind: query.kind }),
          ...(query.after !== undefined && { after: query.after }),
          ...(query.limit !== undefined && { limit: query.limit }),
        },
      );
      return c.json(page);
    })
    .post("/imports/previews/:id/apply", async (c) => {
      const preview = await staffJob(c, c.req.param("id"));
      if (preview.type !== JOB_TYPES.importPreview) {
        throw new NotFoundError("import preview", preview.id);
      }
      if (preview.status !== "succeeded") {
        throw new ConflictError(
          `The preview is ${preview.status}; wait until it has succeeded.`,
        );
      }
      const actor = actorOf(c);
      const job = await transact(directory, actor, (ctx) =>
        createApplyJob(ctx, preview.id),
      );
      await launch(directory, actor, jobs.launcher, job, logger);
      return c.json(await getJob(reading(directory, actor), job.id), 202);
    })
    .post("/exports/directory", (c) => start(c, JOB_TYPES.directoryExport, {}))
    .get("/jobs", async (c) => {
      const query = parseWith(ListQuery, c.req.query());
      const items = await listJobs(reading(directory, actorOf(c)), query);
      return c.json({ items });
    })
    .get("/jobs/:id", async (c) => c.json(await staffJob(c, c.req.param("id"))))
    .post("/jobs/:id/cancel", async (c) => {
      const job = await transact(directory, actorOf(c), (ctx) =>
        cancelJob(ctx, c.req.param("id")),
      );
      return c.json(job);
    })
    .post("/jobs/:id/retry", async (c) => {
      const actor = actorOf(c);
      const job = await transact(directory, actor, (ctx) =>
        retryJob(ctx, c.req.param("id")),
      );
      await launch(directory, actor, jobs.launcher, job, logger);
      return c.json(await getJob(reading(directory, actor), job.id), 202);
    })
    .get("/jobs/:id/report", async (c) => {
      const job = await staffJob(c, c.req.param("id"));
      if (!job.reportKey) {
        throw new NotFoundError("report of job", job.id);
      }
      const body = await jobs.files.read(job.reportKey);
      const name =
        job.type === JOB_TYPES.directoryExport
          ? "directory"
          : "import-problems";
      return new Response(webStream(body), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${name}-${job.id}.csv"`,
        },
      });
    });
}

function webStream(source: AsyncIterable<Uint8Array>) {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
