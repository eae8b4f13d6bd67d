import type { FaceFinding } from "../lib/photo";
import { request } from "./client";
import { ApiError } from "./errors";

/** Where the browser sends the file: an S3-style form POST. */
export interface UploadTarget {
  url: string;
  method: "POST";
  fields: Record<string, string>;
  key: string;
  contentType: string;
  maxBytes: number;
  expiresAt: string;
}

export interface PhotoJobStatus {
  jobId: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  faces: FaceFinding | null;
  error: string | null;
  photoKey: string | null;
}

const base = (id: string) => `/employees/${encodeURIComponent(id)}/photo`;

/** Asks for an upload target bounded to this file's type and size. */
export function requestPhotoUpload(id: string, file: File) {
  return request<{ uploadId: string; upload: UploadTarget }>(
    `${base(id)}/uploads`,
    { method: "POST", body: { contentType: file.type, bytes: file.size } },
  );
}

/**
 * Sends the file to its target as a form POST, reporting progress from 0
 * to 1. XMLHttpRequest, because fetch cannot report upload progress.
 */
export function sendPhoto(
  target: UploadTarget,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const form = new FormData();
  for (const [name, value] of Object.entries(target.fields)) {
    form.append(name, value);
  }
  form.append("file", file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(uploadError(xhr));
    };
    xhr.onerror = () =>
      reject(new ApiError("network", 0, "The upload did not get through."));
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
    xhr.send(form);
  });
}

function uploadError(xhr: XMLHttpRequest): ApiError {
  let message = "The upload was refused.";
  try {
    const body = JSON.parse(xhr.responseText) as { message?: string };
    if (body.message) message = body.message;
  } catch {
    // S3 answers in XML; its codes are not for people. Say it plainly.
    if (xhr.responseText.includes("EntityTooLarge")) {
      message = "The photo is larger than the upload allows.";
    }
  }
  return new ApiError("invalid_input", xhr.status, message);
}

/** Says the upload is there; the API queues its processing. */
export function completePhotoUpload(id: string, uploadId: string) {
  return request<{ jobId: string; status: string }>(base(id), {
    method: "POST",
    body: { uploadId },
  });
}

export function getPhotoJob(id: string, jobId: string, signal?: AbortSignal) {
  return request<PhotoJobStatus>(
    `${base(id)}/jobs/${encodeURIComponent(jobId)}`,
    { signal },
  );
}
