CREATE TABLE "event_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"event" jsonb NOT NULL,
	"topics" text[] NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "realtime_connections" (
	"id" text PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL,
	"subscriptions" text[] DEFAULT '{}'::text[] NOT NULL,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "realtime_tickets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"employee_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "event_log_recorded" ON "event_log" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "realtime_connections_employee" ON "realtime_connections" USING btree ("employee_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "realtime_connections_last_seen" ON "realtime_connections" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "realtime_connections_subscriptions" ON "realtime_connections" USING gin ("subscriptions");--> statement-breakpoint
CREATE INDEX "realtime_tickets_expires" ON "realtime_tickets" USING btree ("expires_at");