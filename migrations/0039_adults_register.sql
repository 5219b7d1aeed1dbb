CREATE TABLE "adult_concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"person_ref" text NOT NULL,
	"received_on" date NOT NULL,
	"source" text NOT NULL,
	"s42_decision" text,
	"decision_on" date,
	"enquiry_type" text,
	"enquiry_started_on" date,
	"enquiry_concluded_on" date,
	"abuse_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"location" text,
	"risk_source" text,
	"outcomes_asked" text,
	"outcomes_achieved" text,
	"risk_outcome" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "kpi_commentary_key";--> statement-breakpoint
DROP INDEX "kpi_report_signoffs_key";--> statement-breakpoint
ALTER TABLE "kpi_commentary" ADD COLUMN "audience" text DEFAULT 'children' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_report_signoffs" ADD COLUMN "audience" text DEFAULT 'children' NOT NULL;--> statement-breakpoint
ALTER TABLE "adult_concerns" ADD CONSTRAINT "adult_concerns_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adult_concerns" ADD CONSTRAINT "adult_concerns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adult_concerns" ADD CONSTRAINT "adult_concerns_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adult_concerns_reference" ON "adult_concerns" USING btree ("organisation_id","reference");--> statement-breakpoint
CREATE INDEX "adult_concerns_received" ON "adult_concerns" USING btree ("organisation_id","received_on");--> statement-breakpoint
CREATE INDEX "adult_concerns_concluded" ON "adult_concerns" USING btree ("organisation_id","enquiry_concluded_on");--> statement-breakpoint
CREATE INDEX "kpi_commentary_key" ON "kpi_commentary" USING btree ("organisation_id","audience","quarter","code");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_report_signoffs_key" ON "kpi_report_signoffs" USING btree ("organisation_id","audience","quarter");