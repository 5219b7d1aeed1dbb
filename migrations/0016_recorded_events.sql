CREATE TABLE "case_recorded_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"event_date" date NOT NULL,
	"episode_source_id" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_recorded_events" ADD CONSTRAINT "case_recorded_events_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recorded_events" ADD CONSTRAINT "case_recorded_events_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recorded_events" ADD CONSTRAINT "case_recorded_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_recorded_events_org_source" ON "case_recorded_events" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_recorded_events_person" ON "case_recorded_events" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_recorded_events_org_type" ON "case_recorded_events" USING btree ("organisation_id","event_type");