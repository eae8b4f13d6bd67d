CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_name_key_unique" UNIQUE("name_key"),
	CONSTRAINT "departments_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"preferred_name" text,
	"pronouns" text,
	"job_title" text,
	"department_id" uuid,
	"location_id" uuid,
	"manager_id" uuid,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_date" date,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"badges" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text,
	"photo_key" text,
	"role" text DEFAULT 'employee' NOT NULL,
	"external_id" text,
	"search_text" text NOT NULL,
	"name_key" text NOT NULL,
	"phone_digits" text DEFAULT '' NOT NULL,
	"sort_key" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_email_key" UNIQUE("email"),
	CONSTRAINT "employees_external_id_key" UNIQUE("external_id"),
	CONSTRAINT "employees_role_check" CHECK ("employees"."role" in ('employee','hr','admin'))
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"city" text,
	"region" text,
	"country_code" text,
	"time_zone" text,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_name_key_unique" UNIQUE("name_key"),
	CONSTRAINT "locations_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_manager_id_employees_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."employees"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employees_search_text_trgm" ON "employees" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "employees_phone_digits_trgm" ON "employees" USING gin ("phone_digits" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "employees_sort" ON "employees" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "employees_manager" ON "employees" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "employees_department" ON "employees" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "employees_location" ON "employees" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "employees_job_title" ON "employees" USING btree ("job_title");--> statement-breakpoint
CREATE INDEX "employees_skills" ON "employees" USING gin ("skills");