import type { Actor } from "../access/index.js";
import { ForbiddenError } from "../errors/index.js";

/** A person changes their own photo; HR and admins change anyone's. */
export function assertCanChangePhoto(actor: Actor, employeeId: string): void {
  if (actor.id === employeeId) return;
  if (actor.role === "hr" || actor.role === "admin") return;
  throw new ForbiddenError(
    "You can change only your own photo; ask HR to change someone else's.",
  );
}
