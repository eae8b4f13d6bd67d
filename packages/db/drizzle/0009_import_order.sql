CREATE TABLE "import_order" (
	"job_id" uuid NOT NULL,
	"depth" integer NOT NULL,
	"row" integer NOT NULL,
	CONSTRAINT "import_order_job_id_depth_row_pk" PRIMARY KEY("job_id","depth","row")
);
--> statement-breakpoint
DROP INDEX "import_rows_depth";--> statement-breakpoint
ALTER TABLE "import_order" ADD CONSTRAINT "import_order_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" DROP COLUMN "depth";--> statement-breakpoint
-- Room on each page for the apply to mark its rows with HOT updates.
ALTER TABLE "import_rows" SET (fillfactor = 50);