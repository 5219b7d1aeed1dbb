CREATE TABLE "committee_agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"part" integer NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"purpose" text,
	"from_officer" text,
	"standard" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"venue" text,
	"virtual_link" text,
	"recording_link" text,
	"status" text NOT NULL,
	"attendance" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date
);
--> statement-breakpoint
CREATE TABLE "committee_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"public_pack" jsonb NOT NULL,
	"non_public_pack" jsonb NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"cover" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"status" text NOT NULL,
	"drafted_by" uuid,
	"sign_off_by" uuid,
	"signed_off_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"member_count" integer NOT NULL,
	"quorum" integer NOT NULL,
	"duties" jsonb NOT NULL,
	"frequency" text NOT NULL,
	"clerk_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_disclosure_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"match_key" text NOT NULL,
	"reason" text NOT NULL,
	"overridden_by" uuid NOT NULL,
	"overridden_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_report_appendices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"public" boolean NOT NULL,
	"component_kind" text NOT NULL,
	"component_ref" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_agenda_items" ADD CONSTRAINT "committee_agenda_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_agenda_items" ADD CONSTRAINT "committee_agenda_items_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_meetings" ADD CONSTRAINT "committee_meetings_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_members" ADD CONSTRAINT "committee_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_publications" ADD CONSTRAINT "committee_publications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_publications" ADD CONSTRAINT "committee_publications_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_publications" ADD CONSTRAINT "committee_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_reports" ADD CONSTRAINT "committee_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_reports" ADD CONSTRAINT "committee_reports_agenda_item_id_committee_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."committee_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_reports" ADD CONSTRAINT "committee_reports_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_reports" ADD CONSTRAINT "committee_reports_sign_off_by_users_id_fk" FOREIGN KEY ("sign_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committees" ADD CONSTRAINT "committees_clerk_user_id_users_id_fk" FOREIGN KEY ("clerk_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_disclosure_overrides" ADD CONSTRAINT "committee_disclosure_overrides_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_disclosure_overrides" ADD CONSTRAINT "committee_disclosure_overrides_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_disclosure_overrides" ADD CONSTRAINT "committee_disclosure_overrides_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_report_appendices" ADD CONSTRAINT "committee_report_appendices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_report_appendices" ADD CONSTRAINT "committee_report_appendices_report_id_committee_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."committee_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_agenda_items_meeting" ON "committee_agenda_items" USING btree ("organisation_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "committee_meetings_committee" ON "committee_meetings" USING btree ("organisation_id","committee_id","date");--> statement-breakpoint
CREATE INDEX "committee_members_user" ON "committee_members" USING btree ("organisation_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_publications_version" ON "committee_publications" USING btree ("meeting_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_reports_item" ON "committee_reports" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committees_org_name" ON "committees" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_disclosure_overrides_key" ON "committee_disclosure_overrides" USING btree ("meeting_id","match_key");--> statement-breakpoint
CREATE INDEX "committee_report_appendices_report" ON "committee_report_appendices" USING btree ("organisation_id","report_id");