import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "../timestamps.js";

export const locations = pgTable("locations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  nameKey: text("name_key").notNull().unique(),
  city: text("city"),
  region: text("region"),
  countryCode: text("country_code"),
  timeZone: text("time_zone"),
  externalId: text("external_id").unique(),
  ...timestamps,
});
