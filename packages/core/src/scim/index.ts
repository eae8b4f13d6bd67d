export { canonicalUser, type ScimObject } from "./attributes.js";
export {
  ScimError,
  type ScimErrorBody,
  type ScimType,
  scimBadRequest,
  scimErrorOf,
} from "./errors.js";
export { inScimTerms } from "./field-paths.js";
export {
  type FilterableAttribute,
  parseUserFilter,
  type UserFilterClause,
} from "./filter.js";
export { applyPatch } from "./patch.js";
export {
  type PatchOperation,
  type PatchVerb,
  parsePatchRequest,
} from "./patch-request.js";
export { readScimUser, type ScimUserChanges } from "./read-user.js";
export * from "./schemas.js";
export { ScimToken, ScimTokenCreate } from "./token.js";
export { type ScimSubject, scimVersion, toScimUser } from "./user-resource.js";
