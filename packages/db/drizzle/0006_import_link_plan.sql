ALTER TABLE "import_rows" ADD COLUMN "link_manager" uuid;--> statement-breakpoint
ALTER TABLE "import_rows" ADD COLUMN "link_depth" integer;