import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * Binds many rows as one jsonb parameter, to be unpacked with
 * `jsonb_to_recordset`. One bound value costs drizzle's builder and both
 * drivers far less than one per cell, which dominates large batches.
 */
export function jsonRows(rows: readonly object[]): SQL {
  return sql`${JSON.stringify(rows)}::jsonb`;
}

/**
 * `column = any(values)` with the values bound as one jsonb array, for
 * lists of thousands that would otherwise bind one parameter each. Cast
 * to the column's type and evaluated once, the list stays an index
 * condition even when ORed with another (an `in (select ...)` there
 * would scan the whole table).
 */
export function inJsonList(column: PgColumn, values: readonly string[]): SQL {
  const type = sql.raw(column.getSQLType());
  return sql`${column} = any(array(select x::${type}
    from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) x))`;
}
