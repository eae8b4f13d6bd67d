import {
  assertCanManageOrganisation,
  ConflictError,
  foldForSearch,
  type Location,
  type LocationCreate,
} from "@roster/core";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { employees } from "../employee/table.js";
import { uniqueViolation } from "../errors.js";
import { locations } from "./table.js";

const columns = {
  id: locations.id,
  name: locations.name,
  city: locations.city,
  region: locations.region,
  countryCode: locations.countryCode,
  timeZone: locations.timeZone,
  headcount: sql<number>`count(${employees.id})::int`,
};

/** Every office, by name, with how many people work there. */
export async function listLocations(ctx: Context): Promise<Location[]> {
  const rows = await ctx.tx
    .select(columns)
    .from(locations)
    .leftJoin(
      employees,
      // People who left are not counted.
      and(
        eq(employees.locationId, locations.id),
        isNull(employees.deactivatedAt),
      ),
    )
    .groupBy(locations.id)
    .orderBy(asc(locations.nameKey));
  return rows.map((r) => ({ ...r, headcount: Number(r.headcount) }));
}

/** Adds an office; names are unique whatever their case or accents. */
export async function createLocation(
  ctx: Context,
  input: LocationCreate,
): Promise<Location> {
  assertCanManageOrganisation(ctx.actor);
  try {
    const [row] = await ctx.tx
      .insert(locations)
      .values({ ...input, nameKey: foldForSearch(input.name) })
      .returning();
    if (!row) throw new Error("Insert returned no row.");
    ctx.emit({ type: "location.created", id: row.id });
    return {
      id: row.id,
      name: row.name,
      city: row.city,
      region: row.region,
      countryCode: row.countryCode,
      timeZone: row.timeZone,
      headcount: 0,
    };
  } catch (error) {
    if (uniqueViolation(error) !== undefined) {
      throw new ConflictError(
        `A location named ${input.name} already exists.`,
        {
          field: "name",
        },
      );
    }
    throw error;
  }
}
