ALTER TABLE "job_runs" ADD COLUMN "job" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "run_on" date;--> statement-breakpoint
ALTER TABLE "job_runs" ADD COLUMN "instance" text;--> statement-breakpoint
ALTER TABLE "case_imports" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_runs_claim" ON "job_runs" USING btree ("job","organisation_id","run_on");