/**
 * The closed set of error codes Roster speaks. Every adapter maps these to
 * its own transport (HTTP status, WebSocket message, job report) in one place.
 */
export type ErrorCode =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "version_mismatch"
  | "payload_too_large"
  | "unsupported_media_type"
  | "precondition_required"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** The HTTP status each code answers with, wherever Roster speaks HTTP. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_mismatch: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** One problem with one input field; `path` locates it, e.g. `phones.0`. */
export interface FieldIssue {
  path: string;
  message: string;
}

const brand = Symbol.for("roster.error");

/**
 * An error whose message is safe to show to the user. Subclasses carry the
 * data a caller needs (which entity, which field) in `details`.
 */
export class RosterError extends Error {
  readonly [brand] = true;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "RosterError";
  }
}

/** True for any Roster error, even one from another copy of this package. */
export function isRosterError(value: unknown): value is RosterError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[brand] === true
  );
}

export class ValidationError extends RosterError {
  constructor(
    readonly issues: FieldIssue[],
    message = describeIssues(issues),
  ) {
    super("invalid_input", message, { issues });
  }
}

export class NotFoundError extends RosterError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super("not_found", `No ${entity} with id ${id}.`, { entity, id });
  }
}

export class ConflictError extends RosterError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("conflict", message, details);
  }
}

export class VersionMismatchError extends RosterError {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      "version_mismatch",
      `The ${entity} was changed by someone else (you had version ` +
        `${expected}, it is now ${actual}). Reload it and try again.`,
      { entity, id, expectedVersion: expected, currentVersion: actual },
    );
  }
}

export class ForbiddenError extends RosterError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("forbidden", message, details);
  }
}

function describeIssues(issues: FieldIssue[]): string {
  const first = issues[0];
  if (!first) return "The input is not valid.";
  const where = first.path ? `${first.path}: ` : "";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${where}${first.message}${more}`;
}
