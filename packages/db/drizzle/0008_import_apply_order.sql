ALTER TABLE "import_rows" ADD COLUMN "depth" integer;--> statement-breakpoint
CREATE INDEX "import_rows_depth" ON "import_rows" USING btree ("job_id","depth","row");