import type { Channel } from "../audit/index.js";
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
  /** How the request arrived, for the audit trail. */
  via?: {
    channel: Channel;
    requestId?: string;
    /** Who acts when it is not a person, e.g. a SCIM token's name. */
    label?: string;
  };
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
 * An admin's profile is for admins (and the admin themself) to change, and
 * for the identity provider through SCIM.
 */
function assertMayManage(actor: Actor, targetRole: Role | undefined): void {
  // The identity provider decides who works here, admins included.
  if (actor.via?.channel === "scim") return;
  if (targetRole === "admin" && actor.role !== "admin") {
    throw new ForbiddenError("Only admins can change or remove an admin.");
  }
}

/**
 * HR and admins edit anyone, except that only admins touch an admin; an
 * employee edits only the self-service fields of their own profile. Roles
 * are changed by admins alone.
 */
export function assertCanUpdateEmployee(
  actor: Actor,
  targetId: string,
  fields: readonly (keyof EmployeeFields)[],
  targetRole?: Role,
): void {
  if (fields.includes("role") && actor.role !== "admin") {
    throw new ForbiddenError("Only admins can change a person's role.", {
      fields: ["role"],
    });
  }
  if (fields.includes("privacy") && actor.id !== targetId) {
    throw new ForbiddenError(
      "Only the person themself chooses who sees their private details.",
      { fields: ["privacy"] },
    );
  }
  if (isStaff(actor) && actor.id !== targetId) {
    assertMayManage(actor, targetRole);
    return;
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

/**
 * Only HR and admins remove people, only admins remove an admin, and
 * nobody removes themselves.
 */
export function assertCanDeleteEmployee(
  actor: Actor,
  targetId: string,
  targetRole?: Role,
): void {
  if (!isStaff(actor)) {
    throw new ForbiddenError("Only HR and admins can remove people.");
  }
  if (actor.id === targetId) {
    throw new ForbiddenError("You cannot remove your own profile.");
  }
  assertMayManage(actor, targetRole);
}

/** Only HR and admins add departments and locations. */
export function assertCanManageOrganisation(actor: Actor): void {
  if (!isStaff(actor)) {
    throw new ForbiddenError(
      "Only HR and admins can add departments and locations.",
    );
  }
}
