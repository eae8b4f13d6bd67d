import { integer, timestamp } from "drizzle-orm/pg-core";

/** Created and updated times every table carries. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" })
    .notNull()
    .defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" })
    .notNull()
    .defaultNow(),
};

/** The optimistic-concurrency counter; every write bumps it by one. */
export const version = integer("version").notNull().default(1);
