/**
 * The embedded database and drizzle's driver for it: the data layer
 * imports them only when it opens an embedded database, which no Lambda
 * does, so bundles leave them out.
 */
export const PGLITE_MODULES = [
  "@electric-sql/pglite",
  "drizzle-orm/pglite",
  "drizzle-orm/pglite/migrator",
];
