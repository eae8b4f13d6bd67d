import type { FaceFinding, Phone, PrivacyChoices, Role } from "@roster/core";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { departments } from "../department/table.js";
import { locations } from "../location/table.js";
import { timestamps, version } from "../timestamps.js";

export const employees = pgTable(
  "employees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored ASCII-lower-cased, so the unique index is case-insensitive. */
    email: text("email").notNull().unique("employees_email_key"),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    preferredName: text("preferred_name"),
    pronouns: text("pronouns"),
    jobTitle: text("job_title"),
    departmentId: uuid("department_id").references(() => departments.id, {
      onDelete: "set null",
    }),
    locationId: uuid("location_id").references(() => locations.id, {
      onDelete: "set null",
    }),
    managerId: uuid("manager_id").references((): AnyPgColumn => employees.id, {
      onDelete: "set null",
    }),
    phones: jsonb("phones").$type<Phone[]>().notNull().default([]),
    startDate: date("start_date", { mode: "string" }),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    badges: text("badges").array().notNull().default(sql`'{}'::text[]`),
    bio: text("bio"),
    photoKey: text("photo_key"),
    /** What face detection found in that photo; goes with it. */
    photoFaces: text("photo_faces").$type<FaceFinding>(),
    role: text("role").$type<Role>().notNull().default("employee"),
    /** A number the owner may keep to HR and themself. */
    personalPhone: text("personal_phone"),
    /** Month and day only, as MM-DD: the year is nobody's business. */
    birthday: text("birthday"),
    /** Who may see the fields whose visibility the owner chooses. */
    privacy: jsonb("privacy").$type<PrivacyChoices>().notNull().default({}),
    /** Set when the person leaves: out of the directory, history kept. */
    deactivatedAt: timestamp("deactivated_at", {
      withTimezone: true,
      mode: "string",
    }),
    externalId: text("external_id").unique("employees_external_id_key"),
    /** Folded names, email and title: what the query box matches. */
    searchText: text("search_text").notNull(),
    /** The folded full name, for exact matches. */
    nameKey: text("name_key").notNull(),
    /** Every phone's digits, space-separated. */
    phoneDigits: text("phone_digits").notNull().default(""),
    /** Folded family then given name: the directory's order. */
    sortKey: text("sort_key").notNull(),
    version,
    ...timestamps,
  },
  (t) => [
    check("employees_role_check", sql`${t.role} in ('employee','hr','admin')`),
    check(
      "employees_photo_faces_check",
      sql`${t.photoFaces} in ('one','none','several')`,
    ),
    // A finding never outlives its photo: whatever removes the photo
    // clears it too.
    check(
      "employees_photo_faces_photo_check",
      sql`${t.photoFaces} is null or ${t.photoKey} is not null`,
    ),
    check(
      "employees_birthday_check",
      sql`${t.birthday} ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`,
    ),
    index("employees_search_text_trgm").using(
      "gin",
      t.searchText.op("gin_trgm_ops"),
    ),
    index("employees_phone_digits_trgm").using(
      "gin",
      t.phoneDigits.op("gin_trgm_ops"),
    ),
    index("employees_sort").on(t.sortKey, t.id),
    index("employees_name_key_trgm").using("gin", t.nameKey.op("gin_trgm_ops")),
    index("employees_name_key_prefix").on(t.nameKey.op("text_pattern_ops")),
    index("employees_sort_key_prefix").on(t.sortKey.op("text_pattern_ops")),
    index("employees_email_prefix").on(t.email.op("text_pattern_ops")),
    index("employees_manager").on(t.managerId),
    index("employees_department").on(t.departmentId),
    index("employees_location").on(t.locationId),
    index("employees_job_title").on(t.jobTitle),
    index("employees_skills").using("gin", t.skills),
  ],
);

export type EmployeeRow = typeof employees.$inferSelect;
