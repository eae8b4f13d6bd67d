import {
  type ErrorCode,
  type FieldIssue,
  HTTP_STATUS,
  isRosterError,
  RosterError,
} from "../errors/index.js";
import { SCIM_ERROR } from "./schemas.js";

/** The detail error types of RFC 7644, section 3.12. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

/** A refusal that SCIM clients should read with its `scimType`. */
export class ScimError extends RosterError {
  constructor(
    code: ErrorCode,
    readonly scimType: ScimType | undefined,
    message: string,
  ) {
    super(code, message, scimType ? { scimType } : undefined);
  }
}

/** A malformed request: 400 with the given detail type. */
export const scimBadRequest = (scimType: ScimType, message: string) =>
  new ScimError("invalid_input", scimType, message);

/** The body SCIM clients expect for a failed request. */
export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR];
  status: string;
  scimType?: ScimType;
  detail: string;
}

const STATUS = HTTP_STATUS;

// What a Roster error means to a SCIM client when it carries no type.
const IMPLIED_TYPE: Partial<Record<ErrorCode, ScimType>> = {
  invalid_input: "invalidValue",
  conflict: "uniqueness",
};

/**
 * The SCIM status and error body for anything thrown. Unknown errors
 * become a bare 500 whose detail says nothing about the cause.
 */
export function scimErrorOf(error: unknown): {
  status: number;
  body: ScimErrorBody;
} {
  if (!isRosterError(error)) {
    return {
      status: 500,
      body: {
        schemas: [SCIM_ERROR],
        status: "500",
        detail: "Something went wrong on our side. It has been logged.",
      },
    };
  }
  const status = STATUS[error.code];
  // Read from the details, so an error from another copy of this package
  // keeps its type too.
  const carried = (error.details as { scimType?: ScimType } | undefined)
    ?.scimType;
  const scimType = carried ?? IMPLIED_TYPE[error.code];
  return {
    status,
    body: {
      schemas: [SCIM_ERROR],
      status: String(status),
      ...(scimType ? { scimType } : {}),
      detail: detailOf(error),
    },
  };
}

// SCIM has no field list, so every problem goes into the one detail.
function detailOf(error: RosterError): string {
  const issues = (error.details as { issues?: FieldIssue[] } | undefined)
    ?.issues;
  if (!Array.isArray(issues) || issues.length < 2) return error.message;
  return issues
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join("; ");
}
