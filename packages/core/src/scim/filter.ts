import { parseComparisons } from "./comparisons.js";
import { scimBadRequest } from "./errors.js";
import { SCIM_USER } from "./schemas.js";

/** The User attributes a list can be filtered on. */
export type FilterableAttribute = "userName" | "externalId" | "email" | "id";

/** One condition of a filter; every condition must hold. */
export interface UserFilterClause {
  attribute: FilterableAttribute;
  value: string;
}

const ATTRIBUTES: Record<string, FilterableAttribute> = {
  username: "userName",
  externalid: "externalId",
  emails: "email",
  "emails.value": "email",
  id: "id",
};

const CORE_PREFIX = `${SCIM_USER.toLowerCase()}:`;

/**
 * Parses a `filter` query parameter for Users: `eq` comparisons on
 * userName, externalId, emails.value or id, joined by `and`. Attribute
 * names are matched without regard to case, as RFC 7643 asks; any other
 * filter is refused with 400 `invalidFilter`.
 */
export function parseUserFilter(source: string): UserFilterClause[] {
  return parseComparisons(source, "invalidFilter").map(
    ({ attribute, value }) => {
      let name = attribute.toLowerCase();
      if (name.startsWith(CORE_PREFIX)) name = name.slice(CORE_PREFIX.length);
      const known = ATTRIBUTES[name];
      if (!known) {
        throw scimBadRequest(
          "invalidFilter",
          `The filter is not valid: filtering on ${attribute} is not ` +
            "supported; use userName, externalId, emails.value or id.",
        );
      }
      if (typeof value !== "string") {
        throw scimBadRequest(
          "invalidFilter",
          `The filter is not valid: ${attribute} is compared with a ` +
            "quoted string.",
        );
      }
      return { attribute: known, value };
    },
  );
}
