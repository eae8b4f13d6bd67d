import {
  decodeCursor,
  type EmployeeSearch,
  encodeCursor,
  escapeLike,
  type Facets,
  type FacetValue,
  foldForSearch,
  isUuid,
  phoneQueryDigits,
  ValidationError,
} from "@roster/core";
import { and, asc, inArray, type SQL, sql } from "drizzle-orm";
import type { Context } from "../context.js";
import { departments } from "../department/table.js";
import { locations } from "../location/table.js";
import { rowsOf, selectEmployees, toEmployee } from "./read.js";
import { employees as e } from "./table.js";

// Trigram matching needs three characters; shorter queries match as
// substrings only.
const FUZZY_MIN_LENGTH = 3;

interface TextMatch {
  where: SQL;
  score: SQL<number>;
}

/** How a folded query matches and ranks: exact, then prefix, then fuzzy. */
function textMatch(raw: string): TextMatch | undefined {
  const q = foldForSearch(raw);
  if (q === "") return undefined;
  const esc = escapeLike(q);
  const inside = `%${esc}%`;
  const digits = phoneQueryDigits(raw);
  const fuzzy = q.length >= FUZZY_MIN_LENGTH;
  const inDepartment = sql`${e.departmentId} = any(array(
    select ${departments.id} from ${departments}
    where ${departments.nameKey} like ${inside}
    ${fuzzy ? sql`or ${q} <% ${departments.nameKey}` : sql``}))`;
  const substring = sql.join(
    [
      sql`${e.searchText} like ${inside}`,
      inDepartment,
      ...(digits ? [sql`${e.phoneDigits} like ${`%${digits}%`}`] : []),
    ],
    sql` or `,
  );
  const where = fuzzy
    ? sql`(${substring} or ${q} <% ${e.searchText})`
    : sql`(${substring})`;
  const tier = sql`case
    when ${e.nameKey} = ${q} or ${e.email} = ${q}
      or split_part(${e.email}, '@', 1) = ${q} then 3
    when ${e.searchText} like ${`${esc}%`}
      or ${e.searchText} like ${`% ${esc}%`} then 2
    when ${substring} then 1
    else 0 end`;
  const similarity = fuzzy
    ? sql`floor(word_similarity(${q}, ${e.searchText}) * 999)::int`
    : sql`0`;
  return { where, score: sql<number>`(${tier} * 1000 + ${similarity})` };
}

type FacetName = keyof Facets;

function filters(search: EmployeeSearch, except?: FacetName): SQL[] {
  const out: SQL[] = [];
  if (except !== "department" && search.department.length > 0) {
    out.push(inArray(e.departmentId, search.department));
  }
  if (except !== "location" && search.location.length > 0) {
    out.push(inArray(e.locationId, search.location));
  }
  if (except !== "title" && search.title.length > 0) {
    out.push(inArray(e.jobTitle, search.title));
  }
  if (except !== "skill" && search.skill.length > 0) {
    out.push(sql`${e.skills} && ${toTextArray(search.skill)}`);
  }
  return out;
}

function toTextArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * One page of the directory: people matching the query and filters, best
 * match first (or by name without a query), after the cursor's position.
 */
export async function searchEmployees(ctx: Context, search: EmployeeSearch) {
  const match = textMatch(search.q);
  const conditions = filters(search);
  if (match) conditions.push(match.where);
  let page: SQL | undefined;
  if (search.cursor && match) {
    const [score, key, id] = decodeCursor(search.cursor, [
      "number",
      "string",
      "string",
    ]);
    page = sql`(-${match.score}, ${e.sortKey}, ${e.id}) >
      (${-Number(score)}, ${key}, ${cursorId(id)}::uuid)`;
  } else if (search.cursor) {
    const [key, id] = decodeCursor(search.cursor, ["string", "string"]);
    page = sql`(${e.sortKey}, ${e.id}) > (${key}, ${cursorId(id)}::uuid)`;
  }
  const rows = await selectEmployees(ctx.tx, match?.score)
    .where(and(...conditions, page))
    .orderBy(
      ...(match ? [sql`${match.score} desc`] : []),
      asc(e.sortKey),
      asc(e.id),
    )
    .limit(search.limit + 1);
  const more = rows.length > search.limit;
  const items = rows.slice(0, search.limit);
  const last = items.at(-1);
  let nextCursor: string | null = null;
  if (more && last) {
    nextCursor = match
      ? encodeCursor([Number(last.score), last.e.sortKey, last.e.id])
      : encodeCursor([last.e.sortKey, last.e.id]);
  }
  return { items: items.map(toEmployee), nextCursor };
}

// The id is compared as a uuid; a hand-edited one is refused before it
// could become a database error.
function cursorId(id: string | number | undefined): string {
  if (typeof id === "string" && isUuid(id)) return id;
  throw new ValidationError([
    { path: "cursor", message: "is not a cursor from this list" },
  ]);
}

/** How many people match the query and every filter. */
export async function countEmployees(ctx: Context, search: EmployeeSearch) {
  const match = textMatch(search.q);
  const conditions = filters(search);
  if (match) conditions.push(match.where);
  const [row] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(e)
    .where(and(...conditions));
  return Number(row?.n ?? 0);
}

const FACET_LIMIT = 100;

/**
 * Counts per value of each filter. A facet ignores its own selection, so
 * choosing one department still shows how many the others hold.
 */
export async function facetCounts(
  ctx: Context,
  search: EmployeeSearch,
): Promise<Facets> {
  const match = textMatch(search.q);
  const where = (facet: FacetName) =>
    and(...filters(search, facet), ...(match ? [match.where] : []));
  const [department, location, title, skill] = await Promise.all([
    ctx.tx
      .select({
        value: departments.id,
        label: departments.name,
        count: sql<number>`count(*)::int`,
      })
      .from(e)
      .innerJoin(departments, sql`${departments.id} = ${e.departmentId}`)
      .where(where("department"))
      .groupBy(departments.id, departments.name)
      .orderBy(sql`count(*) desc`, departments.name)
      .limit(FACET_LIMIT),
    ctx.tx
      .select({
        value: locations.id,
        label: locations.name,
        count: sql<number>`count(*)::int`,
      })
      .from(e)
      .innerJoin(locations, sql`${locations.id} = ${e.locationId}`)
      .where(where("location"))
      .groupBy(locations.id, locations.name)
      .orderBy(sql`count(*) desc`, locations.name)
      .limit(FACET_LIMIT),
    ctx.tx
      .select({
        value: sql<string>`${e.jobTitle}`,
        label: sql<string>`${e.jobTitle}`,
        count: sql<number>`count(*)::int`,
      })
      .from(e)
      .where(and(where("title"), sql`${e.jobTitle} is not null`))
      .groupBy(e.jobTitle)
      .orderBy(sql`count(*) desc`, e.jobTitle)
      .limit(FACET_LIMIT),
    skillFacet(ctx, where("skill")),
  ]);
  const norm = (rows: FacetValue[]) =>
    rows.map((r) => ({ ...r, count: Number(r.count) }));
  return {
    department: norm(department),
    location: norm(location),
    title: norm(title),
    skill: norm(skill),
  };
}

async function skillFacet(ctx: Context, where: SQL | undefined) {
  const rows = await ctx.tx.execute(sql`
    select s.skill as value, s.skill as label, count(*)::int as count
    from ${e} cross join lateral unnest(${e.skills}) as s(skill)
    ${where ? sql`where ${where}` : sql``}
    group by s.skill order by count(*) desc, s.skill
    limit ${FACET_LIMIT}`);
  return rowsOf<FacetValue>(rows);
}
