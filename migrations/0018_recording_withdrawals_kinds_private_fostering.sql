CREATE TABLE "case_placement_kinds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"placement_source_id" text NOT NULL,
	"kind" text NOT NULL,
	"long_term" boolean NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_recorded_event_withdrawals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recorded_event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"withdrawn_by" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "private_fostering_arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"carer_name" text NOT NULL,
	"carer_relationship" text,
	"notification_date" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"assessment_date" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_placement_kinds" ADD CONSTRAINT "case_placement_kinds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_placement_kinds" ADD CONSTRAINT "case_placement_kinds_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_placement_kinds" ADD CONSTRAINT "case_placement_kinds_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recorded_event_withdrawals" ADD CONSTRAINT "case_recorded_event_withdrawals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recorded_event_withdrawals" ADD CONSTRAINT "case_recorded_event_withdrawals_recorded_event_id_case_recorded_events_id_fk" FOREIGN KEY ("recorded_event_id") REFERENCES "public"."case_recorded_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recorded_event_withdrawals" ADD CONSTRAINT "case_recorded_event_withdrawals_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recorded_event_withdrawals" ADD CONSTRAINT "case_recorded_event_withdrawals_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_fostering_arrangements" ADD CONSTRAINT "private_fostering_arrangements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_fostering_arrangements" ADD CONSTRAINT "private_fostering_arrangements_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_fostering_arrangements" ADD CONSTRAINT "private_fostering_arrangements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_placement_kinds_placement" ON "case_placement_kinds" USING btree ("organisation_id","placement_source_id","set_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_recorded_event_withdrawals_event" ON "case_recorded_event_withdrawals" USING btree ("recorded_event_id");--> statement-breakpoint
CREATE INDEX "case_recorded_event_withdrawals_person" ON "case_recorded_event_withdrawals" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "private_fostering_arrangements_source" ON "private_fostering_arrangements" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "private_fostering_arrangements_person" ON "private_fostering_arrangements" USING btree ("organisation_id","person_id");