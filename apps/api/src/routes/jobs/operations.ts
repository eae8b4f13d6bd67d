import {
  ColumnMapping,
  JOB_STATES,
  type Job as JobRecord,
  JobType,
  type MappingPreset,
} from "@roster/core";
import type { DiffPage as DiffPageRecord } from "@roster/db";
import * as z from "zod";
import type { Operation } from "../../openapi/operations.js";
import { DiffQuery, ListQuery, PreviewRequest } from "./routes.js";
import { MAX_IMPORT_BYTES } from "./upload.js";

const Job = z.object({
  id: z.uuid(),
  type: JobType,
  status: z.enum(JOB_STATES),
  params: z
    .record(z.string(), z.unknown())
    .describe("What the job was asked to do"),
  progress: z.object({
    done: z.int(),
    total: z.int().nullable().describe("Null until it is known"),
  }),
  counts: z
    .record(z.string(), z.int())
    .describe("What the job counted: new, changed, created, rejected..."),
  reportKey: z
    .string()
    .nullable()
    .describe("Set once there is a report to download"),
  error: z.string().nullable().describe("Why it failed, in words"),
  attempt: z.int(),
  startedBy: z.guid().nullable(),
  workerRef: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  cancelRequested: z.boolean(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  dead: z
    .boolean()
    .describe("True when it claims to run but its worker stopped reporting"),
}) satisfies z.ZodType<JobRecord>;

const Reason = z.object({ field: z.string(), message: z.string() });

const DiffPage = z.object({
  items: z.array(
    z.object({
      row: z.int().describe("The row in the file; the header is row 1"),
      kind: z.enum(["new", "changed", "unchanged", "rejected"]),
      label: z.string(),
      changes: z.array(
        z.object({
          field: z.string(),
          before: z.unknown(),
          after: z.unknown(),
        }),
      ),
      reasons: z.array(Reason),
      warnings: z.array(Reason),
      applied: z
        .enum(["created", "updated", "unchanged", "rejected"])
        .nullable()
        .describe("What applying did with the row; null until then"),
    }),
  ),
  next: z
    .int()
    .nullable()
    .describe("Pass as `after` for the next page; null on the last"),
}) satisfies z.ZodType<DiffPageRecord>;

const Upload = z.object({
  fileKey: PreviewRequest.shape.fileKey,
  fileName: z.string(),
  format: PreviewRequest.shape.format,
  bytes: z.int().describe("The size stored"),
  sample: z.object({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.string())),
  }),
  suggestion: z
    .object({
      name: z.enum(["oracle-hr", "org-chart", "ldap", "guessed"]),
      mapping: ColumnMapping,
    })
    .nullable()
    .describe("Null when not even the required columns can be guessed"),
}) satisfies z.ZodType<{ suggestion: MappingPreset | null }>;

const job = "/api/jobs/{id}";

/** The import, export and job routes, for the OpenAPI document. */
export const jobOperations: Operation[] = [
  {
    method: "post",
    path: "/api/imports/files",
    tag: "Imports and exports",
    summary:
      "Upload an HR export, CSV or LDIF (HR and admins); answers with its " +
      "columns, first five rows and a suggested mapping for the preview",
    query: z.object({
      name: z
        .string()
        .optional()
        .describe("The file's name, to show; cut to 255 characters"),
      format: z
        .enum(["csv", "ldif"])
        .optional()
        .describe("CSV unless `ldif` or the name ends .ldif"),
    }),
    fileBody: {
      mediaType: "application/octet-stream",
      description:
        `The export file as is, at most ${MAX_IMPORT_BYTES} bytes, with ` +
        "any Content-Type; an LDIF file is stored without its passwords",
    },
    status: 201,
    response: Upload,
    errors: [400, 403, 413],
  },
  {
    method: "post",
    path: "/api/imports/previews",
    tag: "Imports and exports",
    summary:
      "Preview importing an uploaded file with a mapping (HR and admins): " +
      "a job that compares each row with the directory and changes nothing; " +
      "refused at once when the file is gone (404) or its header lacks a " +
      "mapped column (400)",
    body: PreviewRequest,
    status: 202,
    response: Job,
    errors: [400, 403, 404, 415],
  },
  {
    method: "get",
    path: "/api/imports/previews/{id}/diff",
    tag: "Imports and exports",
    summary:
      "A page of a preview's rows in file order, all or of one kind, each " +
      "with its changes and problems (HR and admins)",
    query: DiffQuery,
    status: 200,
    response: DiffPage,
    errors: [400, 403, 404],
  },
  {
    method: "post",
    path: "/api/imports/previews/{id}/apply",
    tag: "Imports and exports",
    summary:
      "Apply a preview that succeeded (HR and admins): a job that writes " +
      "its rows; refused while the preview is not done, or once it is " +
      "applied or being applied",
    status: 202,
    response: Job,
    errors: [403, 404, 409],
  },
  {
    method: "post",
    path: "/api/exports/directory",
    tag: "Imports and exports",
    summary:
      "Export the directory as CSV (HR and admins): a job whose report is " +
      "the file",
    status: 202,
    response: Job,
    errors: [403],
  },
  {
    method: "get",
    path: "/api/jobs",
    tag: "Jobs",
    summary:
      "Background jobs, newest first, all or of one type; 50 unless " +
      "`limit` says (HR and admins)",
    query: ListQuery,
    status: 200,
    response: z.object({ items: z.array(Job) }),
    errors: [400, 403],
  },
  {
    method: "get",
    path: job,
    tag: "Jobs",
    summary: "One job: its state, progress, counts and error (HR and admins)",
    status: 200,
    response: Job,
    errors: [403, 404],
  },
  {
    method: "post",
    path: `${job}/cancel`,
    tag: "Jobs",
    summary:
      "Cancel a job (HR and admins): a queued one at once, a running one " +
      "at its next heartbeat, keeping what it wrote",
    status: 200,
    response: Job,
    errors: [403, 404, 409],
  },
  {
    method: "post",
    path: `${job}/retry`,
    tag: "Jobs",
    summary:
      "Retry a job that failed or whose worker stopped reporting (HR and " +
      "admins): the next attempt resumes where the last one stopped",
    status: 202,
    response: Job,
    errors: [403, 404, 409],
  },
  {
    method: "get",
    path: `${job}/report`,
    tag: "Jobs",
    summary:
      "Download a job's report (HR and admins): an export's directory, or " +
      "an import's rows with problems; 404 until the job has one",
    status: 200,
    fileResponse: {
      mediaType: "text/csv",
      description: "The report as a UTF-8 CSV file",
    },
    errors: [403, 404],
  },
];
