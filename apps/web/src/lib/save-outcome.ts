import { ApiError } from "../api/errors";
import type { FieldIssue } from "../api/types";

/** What the edit form does about a failed save. */
export type SaveFailure =
  | { kind: "invalid"; issues: FieldIssue[]; message: string }
  | { kind: "stale"; message: string }
  | { kind: "forbidden"; message: string }
  | { kind: "failed"; error: unknown };

/**
 * Sorts a failed save into what the form shows: field issues (a 400, or a
 * 409 naming its field), a stale version (412), a refusal (403), or else a
 * general error.
 */
export function saveFailure(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return { kind: "failed", error };
  const { status, message } = error;
  if (status === 400 && error.issues.length > 0) {
    return { kind: "invalid", issues: error.issues, message };
  }
  if (status === 409) {
    const field = (error.details as { field?: unknown } | null)?.field;
    if (typeof field === "string") {
      return { kind: "invalid", issues: [{ path: field, message }], message };
    }
  }
  if (status === 412 || error.code === "version_mismatch") {
    return { kind: "stale", message };
  }
  if (status === 403) return { kind: "forbidden", message };
  return { kind: "failed", error };
}
