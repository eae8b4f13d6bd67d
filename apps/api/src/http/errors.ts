import {
  type ErrorCode,
  HTTP_STATUS,
  isRosterError,
  RosterError,
} from "@roster/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

const STATUS = HTTP_STATUS as Record<ErrorCode, ContentfulStatusCode>;

/** The one JSON shape every failed request answers with. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: unknown;
  requestId: string;
}

/** Status and body for any thrown value; unknown errors become a bare 500. */
export function errorResponse(error: unknown, requestId: string) {
  if (isRosterError(error)) {
    const body: ErrorBody = {
      code: error.code,
      message: error.message,
      details: error.details ?? null,
      requestId,
    };
    return { status: STATUS[error.code], body };
  }
  const body: ErrorBody = {
    code: "internal",
    message: "Something went wrong on our side. It has been logged.",
    details: null,
    requestId,
  };
  return { status: STATUS.internal, body };
}

/** Answers a request with a Roster error. */
export function respondWithError(c: Context, error: unknown) {
  const { status, body } = errorResponse(error, c.get("requestId") ?? "");
  return c.json(body, status);
}

/** A route that does not exist: the same shape as every other error. */
export function routeNotFound(method: string, path: string): RosterError {
  return new RosterError(
    "not_found",
    `There is no ${method} ${path} in this API.`,
    { method, path },
  );
}
