import { isObject } from "./attributes.js";
import { scimBadRequest } from "./errors.js";
import { SCIM_PATCH_OP } from "./schemas.js";

export type PatchVerb = "add" | "replace" | "remove";

/** One operation of a PatchOp request. */
export interface PatchOperation {
  op: PatchVerb;
  path?: string;
  value?: unknown;
}

const MAX_OPERATIONS = 200;
const VERBS = new Set<string>(["add", "replace", "remove"]);

const syntax = (message: string) => scimBadRequest("invalidSyntax", message);

/** Reads a PatchOp body, refusing what RFC 7644 does not allow. */
export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isObject(body)) throw syntax("The body must be a PatchOp object.");
  const field = (name: string) =>
    Object.entries(body).find(([k]) => k.toLowerCase() === name)?.[1];
  const schemas = field("schemas");
  const declared =
    Array.isArray(schemas) &&
    schemas.some(
      (s) => String(s).toLowerCase() === SCIM_PATCH_OP.toLowerCase(),
    );
  if (!declared) throw syntax(`schemas must list ${SCIM_PATCH_OP}.`);
  const operations = field("operations");
  if (!Array.isArray(operations) || operations.length === 0) {
    throw syntax("Operations must be a non-empty list.");
  }
  if (operations.length > MAX_OPERATIONS) {
    throw scimBadRequest(
      "tooMany",
      `Send at most ${MAX_OPERATIONS} operations in one request.`,
    );
  }
  return operations.map((raw, i): PatchOperation => {
    if (!isObject(raw)) throw syntax(`Operations[${i}] must be an object.`);
    const get = (name: string) =>
      Object.entries(raw).find(([k]) => k.toLowerCase() === name)?.[1];
    const op = String(get("op") ?? "").toLowerCase();
    if (!VERBS.has(op)) {
      throw syntax(`Operations[${i}].op must be add, replace or remove.`);
    }
    const path = get("path");
    if (path !== undefined && typeof path !== "string") {
      throw syntax(`Operations[${i}].path must be a string.`);
    }
    return {
      op: op as PatchVerb,
      ...(path ? { path } : {}),
      ...(get("value") !== undefined ? { value: get("value") } : {}),
    };
  });
}
