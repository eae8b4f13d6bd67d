import { assertCanManageOrganisation, foldForSearch } from "@roster/core";
import { eq } from "drizzle-orm";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";

/**
 * The id of the department called `name`, matched as the directory
 * matches names (case and accents aside), created when there is none.
 *
 * The identity provider is the source of department names, so refusing
 * an unknown one would stop provisioning until someone typed it in; the
 * cost is that a misspelt name becomes a department of its own.
 */
export async function departmentNamed(
  ctx: Context,
  name: string | null,
): Promise<string | null> {
  if (name === null) return null;
  const nameKey = foldForSearch(name);
  const find = async () => {
    const [row] = await ctx.tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.nameKey, nameKey));
    return row?.id;
  };
  const existing = await find();
  if (existing) return existing;
  assertCanManageOrganisation(ctx.actor);
  // Someone may add the same name meanwhile; theirs is then used.
  const [made] = await ctx.tx
    .insert(departments)
    .values({ name, nameKey })
    .onConflictDoNothing({ target: departments.nameKey })
    .returning({ id: departments.id });
  if (made) {
    ctx.emit({ type: "department.created", id: made.id });
    return made.id;
  }
  const raced = await find();
  if (!raced) throw new Error(`The department ${name} vanished mid-write.`);
  return raced;
}
