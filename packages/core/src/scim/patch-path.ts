import {
  canonicalAttribute,
  canonicalSub,
  type SchemaPart,
  splitSchema,
} from "./attributes.js";
import { type Comparison, parseComparisons } from "./comparisons.js";
import { scimBadRequest } from "./errors.js";

/** Where a PATCH operation points: `emails[type eq "work"].value`. */
export interface PatchPath {
  part: SchemaPart;
  /** The attribute in canonical spelling; "" for a whole extension. */
  attribute: string;
  /** Which values of a multi-valued attribute it selects. */
  filter?: Comparison[];
  sub?: string;
}

const PATH = /^([A-Za-z$][\w$-]*)(?:\[(.*)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

/** Parses a PATCH `path` (RFC 7644, section 3.5.2) or refuses it. */
export function parsePatchPath(path: string): PatchPath {
  const { part, rest } = splitSchema(path.trim());
  if (rest === "") {
    if (part === "enterprise") return { part, attribute: "" };
    throw scimBadRequest("invalidPath", "The path is empty.");
  }
  const match = PATH.exec(rest);
  const [, attribute, filter, sub] = match ?? [];
  if (!attribute) {
    throw scimBadRequest(
      "invalidPath",
      `The path ${path} is not valid: expected an attribute, optionally ` +
        'with a filter and a sub-attribute, like emails[type eq "work"].value.',
    );
  }
  return {
    part,
    attribute: canonicalAttribute(part, attribute),
    ...(filter !== undefined
      ? { filter: parseComparisons(filter, "invalidPath") }
      : {}),
    ...(sub !== undefined ? { sub: canonicalSub(sub) } : {}),
  };
}
