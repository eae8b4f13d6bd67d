ALTER TABLE "import_order" DROP CONSTRAINT "import_order_job_id_jobs_id_fk";
--> statement-breakpoint
ALTER TABLE "import_rows" DROP CONSTRAINT "import_rows_job_id_jobs_id_fk";
--> statement-breakpoint
-- A job's staged rows go with the job, as the foreign keys' cascade did,
-- without those keys' lookup per staged row (one deleted job at a time
-- is rare; 100,000 staged rows per preview are not).
CREATE FUNCTION "import_staging_forget"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "import_rows" WHERE "job_id" IN (SELECT "id" FROM "gone");
	DELETE FROM "import_order" WHERE "job_id" IN (SELECT "id" FROM "gone");
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "jobs_forget_import_staging" AFTER DELETE ON "jobs"
	REFERENCING OLD TABLE AS "gone"
	FOR EACH STATEMENT EXECUTE FUNCTION "import_staging_forget"();
