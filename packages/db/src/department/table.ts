import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../timestamps.js";

export const departments = pgTable("departments", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** The folded name, unique, so `IT` and `it` are one department. */
  nameKey: text("name_key").notNull().unique(),
  externalId: text("external_id").unique(),
  ...timestamps,
});
