import { randomUUID } from "node:crypto";
import {
  assertCanManageJobs,
  type ImportFormat,
  RosterError,
  sampleSource,
  suggestMapping,
  ValidationError,
  withoutLdifSecrets,
} from "@roster/core";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../env.js";
import type { JobDeps } from "./deps.js";

/** The largest export accepted: far above 100,000 people's worth. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * Receives an export file as the raw request body, stores it, and answers
 * with its columns, first rows and a suggested mapping for the preview.
 * Mounted before the API's small body limit, with its own.
 */
export function importUploadRoutes(deps: AppDeps, jobs: JobDeps) {
  return new Hono<AppEnv>().post("/", async (c) => {
    const actor = await deps.auth.resolve(c);
    assertCanManageJobs(actor);
    const fileName = (c.req.query("name") ?? "upload").slice(0, 255);
    const format: ImportFormat =
      c.req.query("format") === "ldif" || /\.ldif$/i.test(fileName)
        ? "ldif"
        : "csv";
    const body = c.req.raw.body;
    if (!body) {
      throw new ValidationError([
        { path: "body", message: "must hold the export file" },
      ]);
    }
    // Under the prefix the bucket expires after a week (infra/storage.ts).
    const fileKey = `uploads/imports/${randomUUID()}/export`;
    // An LDIF export is kept without its password attributes.
    const { bytes } = await jobs.files.put(
      fileKey,
      format === "ldif" ? withoutLdifSecrets(bounded(body)) : bounded(body),
    );
    if (bytes === 0) {
      await jobs.files.remove(fileKey);
      throw new ValidationError([{ path: "body", message: "is empty" }]);
    }
    // A file refused here is not kept.
    const { firstProblem, ...sample } = await sampleSource(
      await jobs.files.read(fileKey),
      { format },
    ).catch(async (error: unknown) => {
      await jobs.files.remove(fileKey);
      throw error;
    });
    if (sample.rows.length === 0) {
      await jobs.files.remove(fileKey);
      // Rows there were, but none could be read: say why the first not.
      const reason = firstProblem?.reasons[0];
      throw new ValidationError([
        {
          path: "body",
          message: reason
            ? `holds no row that can be read: row ${firstProblem.row}` +
              `${reason.field ? ` (${reason.field})` : ""}: ${reason.message}`
            : format === "ldif"
              ? "holds no person entries"
              : "holds no rows after its header",
        },
      ]);
    }
    const suggestion = suggestMapping(sample.columns) ?? null;
    return c.json(
      { fileKey, fileName, format, bytes, sample, suggestion },
      201,
    );
  });
}

async function* bounded(body: ReadableStream<Uint8Array>) {
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > MAX_IMPORT_BYTES) {
      throw new RosterError(
        "payload_too_large",
        `An export must be at most ${MAX_IMPORT_BYTES} bytes.`,
        { maxBytes: MAX_IMPORT_BYTES },
      );
    }
    yield chunk;
  }
}
