CREATE TABLE "committee_approved_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"approved_how" text NOT NULL,
	"approved_on" date NOT NULL,
	"approved_at_meeting_id" uuid,
	"public_minutes" jsonb NOT NULL,
	"non_public_minutes" jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_elections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid NOT NULL,
	"elected_on" date NOT NULL,
	"term_end" date,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_minutes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_paper_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agenda_item_id" uuid NOT NULL,
	"note" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_approved_minutes" ADD CONSTRAINT "committee_approved_minutes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_approved_minutes" ADD CONSTRAINT "committee_approved_minutes_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_approved_minutes" ADD CONSTRAINT "committee_approved_minutes_approved_at_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("approved_at_meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_approved_minutes" ADD CONSTRAINT "committee_approved_minutes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_agenda_item_id_committee_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."committee_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_elections" ADD CONSTRAINT "committee_elections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_minutes" ADD CONSTRAINT "committee_minutes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_minutes" ADD CONSTRAINT "committee_minutes_meeting_id_committee_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."committee_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_minutes" ADD CONSTRAINT "committee_minutes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_paper_notes" ADD CONSTRAINT "committee_paper_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_paper_notes" ADD CONSTRAINT "committee_paper_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "committee_paper_notes" ADD CONSTRAINT "committee_paper_notes_agenda_item_id_committee_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."committee_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "committee_approved_minutes_meeting" ON "committee_approved_minutes" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_elections_item" ON "committee_elections" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "committee_elections_committee" ON "committee_elections" USING btree ("organisation_id","committee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_minutes_meeting" ON "committee_minutes" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_paper_notes_user_item" ON "committee_paper_notes" USING btree ("user_id","agenda_item_id");