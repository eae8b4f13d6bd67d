import {
  foldForSearch,
  type ImportedLocation,
  type ImportReason,
  type ImportRecord,
  type MappingColumns,
} from "@roster/core";
import { eq, inArray, or, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { locations } from "../location/table.js";
import type { ImportLog } from "./log.js";

interface SettledLocation {
  id: string | null;
  row: number;
  details: string;
  problem?: ImportReason;
}

/** The departments and offices an import has settled so far. */
export interface Organisation {
  /** Department id by folded name. */
  departments: Map<string, string>;
  /** Office outcome by the export's id. */
  locations: Map<string, SettledLocation>;
  /** The export id that took each folded office name in this import. */
  locationNames: Map<string, string>;
  /**
   * Each office's first mention in the whole run, when the run resumes
   * one that stopped: the details it kept then, which the rows left must
   * be compared with, not with whichever of them comes first now.
   */
  firstMentions?: ReadonlyMap<string, FirstMention>;
}

/** A new, empty record of what an import has settled. */
export function newOrganisation(): Organisation {
  return {
    departments: new Map(),
    locations: new Map(),
    locationNames: new Map(),
  };
}

/**
 * What `org` has settled, to work on inside one transaction: a
 * transaction retried after a deadlock must not reuse a department or
 * office its rolled-back attempt made. Once it commits, `adopt` the copy.
 */
export function copyOrganisation(org: Organisation): Organisation {
  return {
    departments: new Map(org.departments),
    locations: new Map(org.locations),
    locationNames: new Map(org.locationNames),
    ...(org.firstMentions && { firstMentions: org.firstMentions }),
  };
}

/** Keeps what a committed transaction settled on its copy of `org`. */
export function adoptOrganisation(org: Organisation, settled: Organisation) {
  for (const [key, id] of settled.departments) org.departments.set(key, id);
  for (const [id, l] of settled.locations) org.locations.set(id, l);
  for (const [key, id] of settled.locationNames) org.locationNames.set(key, id);
}

/** Where a person belongs; undefined when the export does not say. */
export interface Placement {
  departmentId?: string | null;
  locationId?: string | null;
}

/**
 * Finds or creates the departments (by name) and offices (by the export's
 * id) a batch names, and places each record in them. A record whose office
 * cannot be stored is rejected and left out of the result.
 */
export async function placeRecords(
  ctx: Context,
  records: readonly ImportRecord[],
  org: Organisation,
  log: ImportLog,
): Promise<Map<ImportRecord, Placement>> {
  await settleDepartments(ctx, records, org);
  await settleLocations(ctx, records, org, log);
  const placed = new Map<ImportRecord, Placement>();
  for (const record of records) {
    const { department, location } = record;
    const office = location ? org.locations.get(location.externalId) : null;
    if (office?.problem) {
      log.reject(record.row, office.problem.field, office.problem.message);
      continue;
    }
    placed.set(record, {
      ...(department !== undefined && {
        departmentId: department
          ? (org.departments.get(foldForSearch(department.name)) ?? null)
          : null,
      }),
      ...(location !== undefined && { locationId: office?.id ?? null }),
    });
  }
  return placed;
}

async function settleDepartments(
  ctx: Context,
  records: readonly ImportRecord[],
  org: Organisation,
) {
  const wanted = new Map<string, string>();
  for (const { department } of records) {
    const key = department && foldForSearch(department.name);
    if (key && !org.departments.has(key)) wanted.set(key, department.name);
  }
  if (wanted.size === 0) return;
  const found = await ctx.tx
    .select({ id: departments.id, nameKey: departments.nameKey })
    .from(departments)
    .where(inArray(departments.nameKey, [...wanted.keys()]));
  for (const d of found) {
    org.departments.set(d.nameKey, d.id);
    wanted.delete(d.nameKey);
  }
  if (wanted.size === 0) return;
  // Another import may be making the same department right now: its
  // insert wins, this one waits for it and then takes its row.
  const created = await ctx.tx
    .insert(departments)
    .values([...wanted].map(([nameKey, name]) => ({ name, nameKey })))
    .onConflictDoNothing({ target: departments.nameKey })
    .returning({ id: departments.id, nameKey: departments.nameKey });
  for (const d of created) {
    org.departments.set(d.nameKey, d.id);
    ctx.emit({ type: "department.created", id: d.id });
    wanted.delete(d.nameKey);
  }
  if (wanted.size === 0) return;
  const taken = await ctx.tx
    .select({ id: departments.id, nameKey: departments.nameKey })
    .from(departments)
    .where(inArray(departments.nameKey, [...wanted.keys()]));
  for (const d of taken) org.departments.set(d.nameKey, d.id);
}

const detailsOf = (l: ImportedLocation) =>
  JSON.stringify([l.name, l.city, l.region, l.countryCode]);

/** The row that first names an office, and how it describes it. */
export interface FirstMention {
  row: number;
  details: string;
  location: ImportedLocation;
  columns: MappingColumns;
}

/** A first mention as `FirstMention` keeps it. */
export function firstMention(
  row: number,
  location: ImportedLocation,
  columns: MappingColumns,
): FirstMention {
  return { row, details: detailsOf(location), location, columns };
}

async function settleLocations(
  ctx: Context,
  records: readonly ImportRecord[],
  org: Organisation,
  log: ImportLog,
) {
  const fresh = new Map<string, FirstMention>();
  for (const { location, row, columns } of records) {
    if (!location) continue;
    const details = detailsOf(location);
    let first =
      org.locations.get(location.externalId) ?? fresh.get(location.externalId);
    if (!first) {
      const earlier = org.firstMentions?.get(location.externalId);
      first = earlier ?? { row, details, location, columns };
      fresh.set(location.externalId, first);
    }
    if (first.details !== details) {
      log.warn(
        row,
        columns.locationName ?? "",
        `office ${location.externalId} is described differently on row ` +
          `${first.row}; the details from row ${first.row} were kept`,
      );
    }
  }
  if (fresh.size === 0) return;
  const ids = [...fresh.keys()];
  const keys = [...fresh.values()].map((r) => foldForSearch(r.location.name));
  const stored = await ctx.tx
    .select()
    .from(locations)
    .where(
      or(inArray(locations.externalId, ids), inArray(locations.nameKey, keys)),
    )
    .for("update");
  const byId = new Map(stored.map((l) => [l.externalId, l]));
  const byName = new Map(stored.map((l) => [l.nameKey, l]));
  for (const [externalId, { location, row, details, columns }] of fresh) {
    const nameKey = foldForSearch(location.name);
    const mine = byId.get(externalId);
    const holder = byName.get(nameKey);
    const taker = org.locationNames.get(nameKey);
    // The name may be free, held by this office, or held by one with no
    // export id yet, which this import then claims.
    const nameTaken =
      (taker !== undefined && taker !== externalId) ||
      (holder !== undefined &&
        holder.id !== mine?.id &&
        (mine !== undefined || holder.externalId !== null));
    const target = mine ?? holder;
    // Null when the name is another office's, perhaps one another import
    // added meanwhile.
    const id = nameTaken
      ? null
      : target
        ? await refreshLocation(ctx, target, location)
        : await addLocation(ctx, location);
    const settled: SettledLocation = { id, row, details };
    if (id === null) {
      settled.problem = {
        field: columns.locationName ?? "",
        message: `another office is already named ${location.name}`,
      };
    } else if (!target && !location.timeZone) {
      log.warn(
        row,
        columns.locationCountry ?? columns.locationName ?? "",
        `no time zone could be guessed for office ${externalId}; ` +
          "set it by hand",
      );
    }
    org.locations.set(externalId, settled);
    // An office refused its name does not take it from a later one.
    if (!settled.problem) org.locationNames.set(nameKey, externalId);
  }
}

type LocationRow = typeof locations.$inferSelect;

// A time zone HR set by hand outranks the import's guess.
async function refreshLocation(
  ctx: Context,
  stored: LocationRow,
  location: ImportedLocation,
): Promise<string> {
  const next = {
    name: location.name,
    nameKey: foldForSearch(location.name),
    city: location.city,
    region: location.region,
    countryCode: location.countryCode,
    timeZone: stored.timeZone ?? location.timeZone,
    externalId: location.externalId,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).some(
    (key) => next[key] !== stored[key],
  );
  if (changed) {
    await ctx.tx
      .update(locations)
      .set({ ...next, updatedAt: sql`now()` })
      .where(eq(locations.id, stored.id));
  }
  return stored.id;
}

// Another import may be adding the same office right now: its insert
// wins, this one waits for it, then takes the office if it has this id.
// Null when the name went to another office.
async function addLocation(
  ctx: Context,
  location: ImportedLocation,
): Promise<string | null> {
  const [row] = await ctx.tx
    .insert(locations)
    .values({ ...location, nameKey: foldForSearch(location.name) })
    .onConflictDoNothing()
    .returning({ id: locations.id });
  if (row) {
    ctx.emit({ type: "location.created", id: row.id });
    return row.id;
  }
  const [stored] = await ctx.tx
    .select()
    .from(locations)
    .where(eq(locations.externalId, location.externalId))
    .for("update");
  return stored ? refreshLocation(ctx, stored, location) : null;
}
