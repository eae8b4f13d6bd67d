import {
  type EmployeeFields,
  type Role,
  SELF_SERVICE_FIELDS,
} from "../employee/schema.js";
import { ForbiddenError } from "../errors/index.js";

/** Who is acting: every domain operation receives one. */
export interface Actor {
  id: string;
  role: Role;
}

const selfService: ReadonlySet<string> = new Set(SELF_SERVICE_FIELDS);

function isStaff(actor: Actor): boolean {
  return actor.role === "hr" || actor.role === "admin";
}

/** Only HR and admins add people. */
export function assertCanCreateEmployee(actor: Actor, role: Role): void {
  if (!isStaff(actor)) {
    throw new ForbiddenError("Only HR and admins can add people.");
  }
  if (role !== "employee" && actor.role !== "admin") {
    throw new ForbiddenError("Only admins can grant the hr or admin role.", {
      field: "role",
    });
  }
}

/**
 * HR and admins edit anyone; an employee edits only the self-service fields
 * of their own profile. Roles are changed by admins alone.
 *
 * HR can still edit and remove an admin, even the last one; nothing here
 * protects admins from HR yet.
 */
export function assertCanUpdateEmployee(
  actor: Actor,
  targetId: string,
  fields: readonly (keyof EmployeeFields)[],
): void {
  if (fields.includes("role") && actor.role !== "admin") {
    throw new ForbiddenError("Only admins can change a person's role.", {
      fields: ["role"],
    });
  }
  if (isStaff(actor)) return;
  if (actor.id !== targetId) {
    throw new ForbiddenError("You can edit only your own profile.");
  }
  const refused = fields.filter((f) => !selfService.has(f));
  if (refused.length > 0) {
    throw new ForbiddenError(
      `You cannot change ${refused.join(", ")} yourself; ask HR.`,
      { fields: refused },
    );
  }
}

/** Only HR and admins remove people, and nobody removes themselves. */
export function assertCanDeleteEmployee(actor: Actor, targetId: string): void {
  if (!isStaff(actor)) {
    throw new ForbiddenError("Only HR and admins can remove people.");
  }
  if (actor.id === targetId) {
    throw new ForbiddenError("You cannot remove your own profile.");
  }
}

/** Only HR and admins add departments and locations. */
export function assertCanManageOrganisation(actor: Actor): void {
  if (!isStaff(actor)) {
    throw new ForbiddenError(
      "Only HR and admins can add departments and locations.",
    );
  }
}
