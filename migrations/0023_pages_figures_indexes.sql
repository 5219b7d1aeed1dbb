CREATE TABLE "compliance_month_counts" (
	"organisation_id" uuid NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "compliance_month_counts_key" UNIQUE("organisation_id","month","status")
);
--> statement-breakpoint
CREATE TABLE "compliance_open_counts" (
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"service_level" text NOT NULL,
	"task_type" text NOT NULL,
	"team_id" uuid,
	"worker_id" uuid,
	"n" integer NOT NULL,
	CONSTRAINT "compliance_open_counts_key" UNIQUE NULLS NOT DISTINCT("organisation_id","status","service_level","task_type","team_id","worker_id")
);
--> statement-breakpoint
DROP INDEX "compliance_tasks_org_status";--> statement-breakpoint
ALTER TABLE "compliance_month_counts" ADD CONSTRAINT "compliance_month_counts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_open_counts" ADD CONSTRAINT "compliance_open_counts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_involvements_worker_latest" ON "case_involvements" USING btree ("organisation_id","worker_id","start_date","source_id") WHERE "case_involvements"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "case_involvements_current" ON "case_involvements" USING btree ("organisation_id","end_date") WHERE "case_involvements"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_computed" ON "compliance_tasks" USING btree ("organisation_id","computed_on");--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_status" ON "compliance_tasks" USING btree ("organisation_id","episode_open","status","due");