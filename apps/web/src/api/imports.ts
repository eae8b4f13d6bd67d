import { getActingAs } from "./acting-as";
import { currentCsrfToken } from "./auth";
import { request } from "./client";
import { ApiError, errorFromResponse } from "./errors";

/** Which column holds each Roster field; see the API's ColumnMapping. */
export interface ColumnMapping {
  columns: Record<string, string | undefined>;
  emails?: "address" | "userName" | "externalId";
  dialling?: unknown;
}

export interface UploadedFile {
  fileKey: string;
  fileName: string;
  format: "csv" | "ldif";
  bytes: number;
  sample: { columns: string[]; rows: Record<string, string>[] };
  suggestion: { name: string; mapping: ColumnMapping } | null;
}

export type JobStatus =
  | "queued"
  | "running"
  | "succeeded"
  | "failed"
  | "cancelled";

export interface Job {
  id: string;
  type: string;
  status: JobStatus;
  progress: { done: number; total: number | null };
  counts: Record<string, number>;
  reportKey: string | null;
  error: string | null;
  attempt: number;
  dead: boolean;
}

export interface DiffRow {
  row: number;
  kind: "new" | "changed" | "unchanged" | "rejected";
  label: string;
  changes: { field: string; before: unknown; after: unknown }[];
  reasons: { field: string; message: string }[];
  applied: string | null;
}

export interface DiffPage {
  items: DiffRow[];
  next: number | null;
}

/** Sends an export file as it is; the API answers with a preview of it. */
export async function uploadImport(file: File): Promise<UploadedFile> {
  const headers = new Headers({ Accept: "application/json" });
  const actingAs = getActingAs();
  if (actingAs) headers.set("X-Roster-Act-As", actingAs.id);
  const csrf = currentCsrfToken();
  if (csrf) headers.set("X-CSRF-Token", csrf);
  let response: Response;
  try {
    response = await fetch(
      `/api/imports/files?name=${encodeURIComponent(file.name)}`,
      { method: "POST", headers, body: file },
    );
  } catch {
    throw new ApiError("network", 0, "Could not reach Roster to upload.");
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as UploadedFile;
}

export const startPreview = (file: UploadedFile, mapping: ColumnMapping) =>
  request<Job>("/imports/previews", {
    method: "POST",
    body: {
      fileKey: file.fileKey,
      fileName: file.fileName,
      format: file.format,
      mapping,
    },
  });

export const applyPreview = (previewId: string) =>
  request<Job>(`/imports/previews/${previewId}/apply`, { method: "POST" });

export const getJob = (id: string, signal?: AbortSignal) =>
  request<Job>(`/jobs/${id}`, signal ? { signal } : {});

export const cancelJob = (id: string) =>
  request<Job>(`/jobs/${id}/cancel`, { method: "POST" });

export const retryJob = (id: string) =>
  request<Job>(`/jobs/${id}/retry`, { method: "POST" });

export const readDiff = (previewId: string, kind: string, after = 0) =>
  request<DiffPage>(
    `/imports/previews/${previewId}/diff?kind=${kind}&after=${after}&limit=50`,
  );

/** Where the browser downloads a job's report or export. */
export const reportUrl = (jobId: string) => `/api/jobs/${jobId}/report`;
