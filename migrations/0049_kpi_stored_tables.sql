CREATE TABLE "kpi_stored_tables" (
	"organisation_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"quarter" date NOT NULL,
	"rows" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_stored_tables" ADD CONSTRAINT "kpi_stored_tables_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_stored_tables_key" ON "kpi_stored_tables" USING btree ("organisation_id","audience");--> statement-breakpoint
CREATE INDEX "case_assessments_open_authorised_date" ON "case_assessments" USING btree ("organisation_id","authorised_date") WHERE "case_assessments"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "case_contacts_open_contact_date" ON "case_contacts" USING btree ("organisation_id","contact_date") WHERE "case_contacts"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "case_early_help_episodes_open_start_date" ON "case_early_help_episodes" USING btree ("organisation_id","start_date") WHERE "case_early_help_episodes"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "case_initial_conferences_open_conference_date" ON "case_initial_conferences" USING btree ("organisation_id","conference_date") WHERE "case_initial_conferences"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "case_referrals_open_referral_date" ON "case_referrals" USING btree ("organisation_id","referral_date") WHERE "case_referrals"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "case_cla_reviews_open_review_date" ON "case_cla_reviews" USING btree ("organisation_id","review_date") WHERE "case_cla_reviews"."closed_at" is null;