import type { Channel, FieldChange } from "@roster/core";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The audit trail: append-only, written in the same transaction as the
 * change it records. Subjects and actors carry no foreign key and a label,
 * so the history of someone removed still reads.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" })
      .primaryKey()
      .generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true, mode: "string" })
      .notNull()
      .defaultNow(),
    actorId: uuid("actor_id"),
    actorLabel: text("actor_label"),
    actorRole: text("actor_role").notNull(),
    channel: text("channel").$type<Channel>().notNull(),
    requestId: text("request_id"),
    action: text("action").notNull(),
    subjectId: uuid("subject_id"),
    subjectLabel: text("subject_label").notNull(),
    changes: jsonb("changes").$type<FieldChange[]>().notNull().default([]),
  },
  (t) => [
    check(
      "audit_log_channel_check",
      sql`${t.channel} in ('web','api','import','scim','system')`,
    ),
    index("audit_log_subject").on(t.subjectId, t.id),
    index("audit_log_actor").on(t.actorId, t.id),
    index("audit_log_action").on(t.action, t.id),
  ],
);
