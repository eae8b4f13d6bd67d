import type { DomainEvent } from "@roster/core";
import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

const at = (name: string) =>
  timestamp(name, { withTimezone: true, mode: "string" })
    .notNull()
    .defaultNow();

/**
 * Live WebSocket connections, one row per open tab. `employee_id` has no
 * foreign key: scripts and an empty directory act as a system identity
 * that is nobody in the directory.
 */
export const realtimeConnections = pgTable(
  "realtime_connections",
  {
    /** API Gateway's connection id (or the local server's). */
    id: text("id").primaryKey(),
    employeeId: uuid("employee_id").notNull(),
    /** The sign-in session it was opened under; ends with it. */
    sessionId: text("session_id"),
    subscriptions: text("subscriptions")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    connectedAt: at("connected_at"),
    lastSeenAt: at("last_seen_at"),
  },
  (t) => [
    index("realtime_connections_employee").on(t.employeeId, t.lastSeenAt),
    index("realtime_connections_last_seen").on(t.lastSeenAt),
    index("realtime_connections_subscriptions").using("gin", t.subscriptions),
  ],
);

/** Single-use `$connect` tickets, stored only as a hash of the secret. */
export const realtimeTickets = pgTable(
  "realtime_tickets",
  {
    tokenHash: text("token_hash").primaryKey(),
    employeeId: uuid("employee_id").notNull(),
    /** The session that asked for it; the connection inherits it. */
    sessionId: text("session_id"),
    expiresAt: timestamp("expires_at", {
      withTimezone: true,
      mode: "string",
    }).notNull(),
    createdAt: at("created_at"),
  },
  (t) => [index("realtime_tickets_expires").on(t.expiresAt)],
);

/**
 * The journal: every committed event, numbered in commit order, kept for a
 * while so a client that was away can catch up.
 */
export const eventLog = pgTable(
  "event_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    event: jsonb("event").$type<DomainEvent>().notNull(),
    topics: text("topics").array().notNull(),
    recordedAt: at("recorded_at"),
  },
  (t) => [index("event_log_recorded").on(t.recordedAt)],
);
