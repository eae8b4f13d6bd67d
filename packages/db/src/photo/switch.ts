import {
  assertCanChangePhoto,
  displayName,
  type FaceFinding,
} from "@roster/core";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Context } from "../context.js";
import { lockEmployee } from "../employee/read.js";
import { employees } from "../employee/table.js";

/** The person's photo after a switch, and the one it replaced. */
export interface PhotoSwitch {
  photoKey: string;
  /** The employee's version after the switch. */
  version: number;
  previousKey: string | null;
}

/**
 * Points a person's profile at a newly processed rendition set, with what
 * face detection found in it, in one update: readers see the old photo or
 * the new one, never a mix. Emits `photo.ready` and `employee.updated`.
 */
export async function switchEmployeePhoto(
  ctx: Context,
  employeeId: string,
  photoKey: string,
  faces: FaceFinding,
): Promise<PhotoSwitch> {
  const row = await lockEmployee(ctx, employeeId);
  assertCanChangePhoto(ctx.actor, employeeId);
  const version = row.version + 1;
  await ctx.tx
    .update(employees)
    .set({ photoKey, photoFaces: faces, version, updatedAt: sql`now()` })
    .where(eq(employees.id, employeeId));
  await recordAudit(ctx, {
    action: "employee.updated",
    subjectId: employeeId,
    subjectLabel: `${displayName(row)} <${row.email}>`,
    changes: [{ field: "photoKey", before: row.photoKey, after: photoKey }],
  });
  ctx.emit({
    type: "employee.updated",
    id: employeeId,
    version,
    fields: ["photoKey"],
  });
  ctx.emit({ type: "photo.ready", id: employeeId, version });
  return { photoKey, version, previousKey: row.photoKey };
}
