CREATE TABLE "committee_appendix_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"appendix_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"pages" integer NOT NULL,
	"text" text,
	CONSTRAINT "committee_appendix_files_appendix_id_unique" UNIQUE("appendix_id")
);
--> statement-breakpoint
ALTER TABLE "committee_report_appendices" ALTER COLUMN "component_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_report_appendices" ALTER COLUMN "component_ref" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "committee_report_appendices" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "committee_appendix_files" ADD CONSTRAINT "committee_appendix_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_appendix_files" ADD CONSTRAINT "committee_appendix_files_appendix_id_committee_report_appendices_id_fk" FOREIGN KEY ("appendix_id") REFERENCES "public"."committee_report_appendices"("id") ON DELETE no action ON UPDATE no action;