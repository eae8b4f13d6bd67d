import {
  type FieldIssue,
  isRosterError,
  ValidationError,
} from "../errors/index.js";
import { SCIM_ENTERPRISE_USER } from "./schemas.js";

// Where each employee field sits in a SCIM User.
const SCIM_PATH: Record<string, string> = {
  email: "userName",
  givenName: "name.givenName",
  familyName: "name.familyName",
  preferredName: "nickName",
  jobTitle: "title",
  phones: "phoneNumbers",
  managerId: `${SCIM_ENTERPRISE_USER}:manager.value`,
  departmentId: `${SCIM_ENTERPRISE_USER}:department`,
};

function scimPath(path: string): string {
  const [field, ...rest] = path.split(".");
  const mapped = SCIM_PATH[field ?? ""];
  return mapped ? [mapped, ...rest].join(".") : path;
}

/**
 * The same error with its field paths spelled as SCIM attributes, so a
 * refusal from a directory operation names what the client sent.
 */
export function inScimTerms(error: unknown): unknown {
  if (!isRosterError(error) || error.code !== "invalid_input") return error;
  const issues = (error.details as { issues?: FieldIssue[] } | undefined)
    ?.issues;
  if (!Array.isArray(issues)) return error;
  return new ValidationError(
    issues.map((i) => ({ ...i, path: scimPath(i.path) })),
  );
}
