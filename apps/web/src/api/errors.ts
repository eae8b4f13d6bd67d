import type { FieldIssue } from "./types";

/** Codes the API sends, plus two for failures that never reached it. */
export type ApiErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "version_mismatch"
  | "unsupported_media_type"
  | "precondition_required"
  | "internal"
  | "network"
  | "unknown";

/** A failed API call, carrying what the server said about it. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: ApiErrorCode | (string & {}),
    readonly status: number,
    message: string,
    readonly details: unknown = null,
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** The field issues of a 400 `invalid_input`, or none. */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | null)?.issues;
    if (!Array.isArray(issues)) return [];
    return issues.filter(
      (i): i is FieldIssue =>
        typeof i?.path === "string" && typeof i?.message === "string",
    );
  }
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: "You are not signed in.",
  403: "You are not allowed to do that.",
  404: "That could not be found.",
  502: "Roster's server is not answering. Try again in a moment.",
  503: "Roster is briefly unavailable. Try again in a moment.",
};

/**
 * Reads an error response into an ApiError. Bodies in the API's error shape
 * keep their code and message; anything else (a proxy's HTML page) gets a
 * plain message for its status.
 */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const b = (body ?? {}) as Record<string, unknown>;
  const requestId =
    typeof b.requestId === "string"
      ? b.requestId
      : response.headers.get("x-request-id");
  if (typeof b.code === "string" && typeof b.message === "string") {
    return new ApiError(
      b.code,
      response.status,
      b.message,
      b.details ?? null,
      requestId,
    );
  }
  const message =
    FALLBACK_MESSAGES[response.status] ??
    `Something went wrong (HTTP ${response.status}). Try again.`;
  const code = response.status >= 500 ? "internal" : "unknown";
  return new ApiError(code, response.status, message, null, requestId);
}

/** True for the error fetch throws when its signal is aborted. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
