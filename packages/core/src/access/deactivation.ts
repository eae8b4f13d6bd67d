import type { Role } from "../employee/schema.js";
import { ForbiddenError } from "../errors/index.js";
import type { Actor } from "./index.js";

/**
 * HR and admins (and the identity provider, acting as HR) deactivate and
 * reactivate people; nobody deactivates themselves, and only admins (or
 * the identity provider, which decides who works here) touch an admin.
 * The last active admin is kept by the data layer.
 */
export function assertCanDeactivateEmployee(
  actor: Actor,
  targetId: string,
  targetRole?: Role,
): void {
  if (actor.role !== "hr" && actor.role !== "admin") {
    throw new ForbiddenError("Only HR and admins can deactivate people.");
  }
  if (actor.id === targetId) {
    throw new ForbiddenError("You cannot deactivate your own profile.");
  }
  if (
    targetRole === "admin" &&
    actor.role !== "admin" &&
    actor.via?.channel !== "scim"
  ) {
    throw new ForbiddenError(
      "Only admins can deactivate or reactivate an admin.",
    );
  }
}

/** Only admins issue and revoke the identity provider's SCIM tokens. */
export function assertCanManageScimTokens(actor: Actor): void {
  if (actor.role !== "admin") {
    throw new ForbiddenError("Only admins can manage SCIM tokens.");
  }
}
