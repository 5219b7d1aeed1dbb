CREATE TABLE "case_import_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"notices_are_errors" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "case_contacts" ADD COLUMN "contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_imports" ADD COLUMN "notice_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "case_missing_episodes" ADD COLUMN "start_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_missing_episodes" ADD COLUMN "end_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD COLUMN "referral_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_s47_enquiries" ADD COLUMN "start_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_import_settings" ADD CONSTRAINT "case_import_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_import_settings" ADD CONSTRAINT "case_import_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;