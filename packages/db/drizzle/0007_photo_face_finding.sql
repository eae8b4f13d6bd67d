ALTER TABLE "employees" ADD COLUMN "photo_faces" text;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_photo_faces_check" CHECK ("employees"."photo_faces" in ('one','none','several'));--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_photo_faces_photo_check" CHECK ("employees"."photo_faces" is null or "employees"."photo_key" is not null);--> statement-breakpoint
-- Photos processed before the finding was kept: the job that made the set,
-- whose id names it, counted the faces.
UPDATE "employees" SET "photo_faces" = CASE
	WHEN ("jobs"."counts"->>'faces')::int = 0 THEN 'none'
	WHEN ("jobs"."counts"->>'faces')::int = 1 THEN 'one'
	ELSE 'several'
END
FROM "jobs"
WHERE "jobs"."type" = 'photo'
	AND "jobs"."status" = 'succeeded'
	AND "jobs"."counts"->>'faces' IS NOT NULL
	AND "employees"."photo_key" = "employees"."id"::text || '/' || "jobs"."id"::text;
