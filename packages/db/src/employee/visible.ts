import {
  type Actor,
  type Employee,
  hiddenFields,
  type Placement,
  type Relationship,
  relationship,
} from "@roster/core";
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import { managerIds } from "./read.js";
import { employees } from "./table.js";

/** Fields a profile may withhold, and what they read as when withheld. */
const WITHHELD: Partial<Record<keyof Employee, null>> = {
  pronouns: null,
  personalPhone: null,
  birthday: null,
  startDate: null,
  photoFaces: null,
};

function isStaff(actor: Actor): boolean {
  return actor.role === "hr" || actor.role === "admin";
}

/** The shortcut every read takes first: is this self or HR? */
function quickRelationship(actor: Actor, id: string): Relationship | undefined {
  if (actor.id === id) return "self";
  if (isStaff(actor)) return "staff";
  return undefined;
}

async function placementOf(
  ctx: Context,
  id: string,
): Promise<Placement | undefined> {
  const [row] = await ctx.tx
    .select({
      departmentId: employees.departmentId,
      managerId: employees.managerId,
    })
    .from(employees)
    .where(eq(employees.id, id));
  if (!row) return undefined;
  return { id, ...row, managerChain: await managerIds(ctx.tx, id) };
}

/** Nulls what `relation` may not see and lists it in `hiddenFields`. */
export function withhold(employee: Employee, relation: Relationship): Employee {
  const fields = Object.keys(WITHHELD);
  const hidden = hiddenFields(relation, fields, employee.privacy);
  const own = relation === "self" || relation === "staff";
  if (hidden.length === 0 && own) return employee;
  const redacted: Employee = {
    ...employee,
    ...Object.fromEntries(hidden.map((f) => [f, null])),
    // The choices themselves are the owner's and HR's business.
    privacy: own ? employee.privacy : null,
    hiddenFields: hidden,
  };
  return redacted;
}

/**
 * A profile as the acting person may see it: the field policy decides,
 * from how they stand to the person (self, HR, colleague, or neither).
 */
export async function visibleProfile(
  ctx: Context,
  employee: Employee,
): Promise<Employee> {
  let relation = quickRelationship(ctx.actor, employee.id);
  if (!relation) {
    const subject: Placement = {
      id: employee.id,
      departmentId: employee.department?.id ?? null,
      managerId: employee.manager?.id ?? null,
      managerChain: await managerIds(ctx.tx, employee.id),
    };
    relation = relationship(
      ctx.actor,
      await placementOf(ctx, ctx.actor.id),
      subject,
    );
  }
  return withhold(employee, relation);
}

/**
 * A person in a list. Lists do not work out who is a colleague of whom, so
 * they show others only what everyone may see; the profile shows more to
 * those allowed.
 */
export function visibleInList(actor: Actor, employee: Employee): Employee {
  return withhold(employee, quickRelationship(actor, employee.id) ?? "other");
}
