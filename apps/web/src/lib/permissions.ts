import {
  type FieldName,
  type Me,
  type Role,
  SELF_SERVICE_FIELDS,
} from "../api/types";

// Mirrors the rules in @roster/core's access module, so the UI offers only
// what the API will accept; the API still has the final word.

const ALL_FIELDS: readonly FieldName[] = [
  "email",
  "givenName",
  "familyName",
  "preferredName",
  "pronouns",
  "jobTitle",
  "departmentId",
  "locationId",
  "managerId",
  "phones",
  "startDate",
  "skills",
  "badges",
  "bio",
  "role",
  "personalPhone",
  "birthday",
  "privacy",
];

const isStaff = (role: Role) => role === "hr" || role === "admin";

/** Whether the actor may add people. */
export function canCreate(me: Me | null): boolean {
  return me !== null && isStaff(me.actor.role);
}

/** Whether the actor may remove this person (never themselves). */
export function canDelete(me: Me | null, targetId: string): boolean {
  return canCreate(me) && me?.actor.id !== targetId;
}

/**
 * The fields the actor may change on this person (or on a new person when
 * `targetId` is null); empty when they may not edit at all.
 */
export function editableFields(
  me: Me | null,
  targetId: string | null,
): ReadonlySet<FieldName> {
  if (me === null) return new Set();
  const { role, id } = me.actor;
  if (isStaff(role)) {
    return new Set(
      ALL_FIELDS.filter(
        (f) =>
          (f !== "role" || role === "admin") &&
          // Who sees a person's private details is theirs alone to choose.
          (f !== "privacy" || targetId === id),
      ),
    );
  }
  return targetId === id ? new Set(SELF_SERVICE_FIELDS) : new Set();
}

/** Whether the actor may read a profile's audit trail: HR, admins, self. */
export function canReadHistory(me: Me | null, targetId: string): boolean {
  return me !== null && (isStaff(me.actor.role) || me.actor.id === targetId);
}
