import { ForbiddenError } from "../errors/index.js";
import type { Actor } from "./index.js";

/**
 * HR and admins (and the identity provider, acting as HR) deactivate and
 * reactivate people; nobody deactivates themselves. Nothing stops the
 * last admin from being deactivated, which leaves nobody to issue SCIM
 * tokens or grant roles until someone is made admin in the database.
 */
export function assertCanDeactivateEmployee(
  actor: Actor,
  targetId: string,
): void {
  if (actor.role !== "hr" && actor.role !== "admin") {
    throw new ForbiddenError("Only HR and admins can deactivate people.");
  }
  if (actor.id === targetId) {
    throw new ForbiddenError("You cannot deactivate your own profile.");
  }
}

/** Only admins issue and revoke the identity provider's SCIM tokens. */
export function assertCanManageScimTokens(actor: Actor): void {
  if (actor.role !== "admin") {
    throw new ForbiddenError("Only admins can manage SCIM tokens.");
  }
}
