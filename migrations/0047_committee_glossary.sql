CREATE TABLE "committee_glossary" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"acronym" text NOT NULL,
	"acronym_key" text NOT NULL,
	"meaning" text NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD COLUMN "glossary" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_glossary" ADD CONSTRAINT "committee_glossary_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_glossary" ADD CONSTRAINT "committee_glossary_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_glossary_acronym" ON "committee_glossary" USING btree ("organisation_id","acronym_key");