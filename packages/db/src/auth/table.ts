import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { employees } from "../employee/table.js";

const instant = (name: string) =>
  timestamp(name, { withTimezone: true, mode: "string" });

/**
 * Signed-in browser sessions. The cookie holds a random secret; only its
 * hash is stored, so a leaked table opens no sessions. Removing a person
 * ends their sessions with them.
 */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id, { onDelete: "cascade" }),
    /** The identity provider's subject, for the audit trail. */
    subject: text("subject").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [
    index("sessions_employee").on(t.employeeId),
    index("sessions_expires").on(t.expiresAt),
  ],
);

/**
 * Bearer tokens an admin issues to the identity provider for SCIM. Only a
 * hash is kept; the token is shown once, when it is created.
 */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique("scim_tokens_hash_key"),
    /** What the admin called it, e.g. "Okta production". */
    name: text("name").notNull(),
    createdBy: uuid("created_by"),
    createdAt: instant("created_at").notNull().defaultNow(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("scim_tokens_created").on(t.createdAt)],
);
