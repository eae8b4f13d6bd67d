import type { Actor } from "../access/index.js";
import { ForbiddenError } from "../errors/index.js";

/** Only HR and admins import, export and watch background jobs. */
export function assertCanManageJobs(actor: Actor): void {
  if (actor.role === "hr" || actor.role === "admin") return;
  throw new ForbiddenError("Only HR and admins can import and export.");
}
