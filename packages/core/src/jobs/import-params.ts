import * as z from "zod";
import { isFileKey } from "../files/index.js";
import { ColumnMapping } from "../import/mapping.js";

/** The job types of importing and exporting the directory. */
export const JOB_TYPES = {
  importPreview: "import.preview",
  importApply: "import.apply",
  directoryExport: "export.directory",
} as const;

const fileKey = z.string().refine(isFileKey, "is not a file key");

/** What a preview is asked: which upload, read how, mapped how. */
export const ImportPreviewParams = z
  .object({
    fileKey,
    /** The uploaded file's own name, to show; never used as a path. */
    fileName: z.string().max(255).default("upload"),
    format: z.enum(["csv", "ldif"]),
    mapping: ColumnMapping,
    /** Turns user names (and ids, if so mapped) into email addresses. */
    emailDomain: z.string().trim().min(1).max(253).optional(),
  })
  .strict();
export type ImportPreviewParams = z.output<typeof ImportPreviewParams>;

/** What an apply is asked: the preview whose diff to write. */
export const ImportApplyParams = z.object({ previewJobId: z.uuid() }).strict();
export type ImportApplyParams = z.output<typeof ImportApplyParams>;

/** A directory export needs nothing but who asked. */
export const DirectoryExportParams = z.object({}).strict();
