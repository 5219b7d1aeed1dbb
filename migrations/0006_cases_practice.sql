CREATE TABLE "case_chronology_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"event_table" text NOT NULL,
	"event_source_id" text NOT NULL,
	"significance" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_oversight_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"decision" text NOT NULL,
	"reasons" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_voice_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"words" text NOT NULL,
	"capture_method" text NOT NULL,
	"captured_by_user_id" uuid,
	"captured_by_name" text,
	"changed_something" boolean NOT NULL,
	"what_changed" text,
	"linked_table" text,
	"linked_source_id" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_action_outcomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"decided_at_supervision_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"supervision_id" uuid NOT NULL,
	"chain_id" uuid NOT NULL,
	"previous_action_id" uuid,
	"description" text NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"supervision_id" uuid NOT NULL,
	"person_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"supervisor_user_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"reflection" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_chronology_notes" ADD CONSTRAINT "case_chronology_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_chronology_notes" ADD CONSTRAINT "case_chronology_notes_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_chronology_notes" ADD CONSTRAINT "case_chronology_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_oversight_notes" ADD CONSTRAINT "case_oversight_notes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_oversight_notes" ADD CONSTRAINT "case_oversight_notes_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_oversight_notes" ADD CONSTRAINT "case_oversight_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voice_records" ADD CONSTRAINT "case_voice_records_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voice_records" ADD CONSTRAINT "case_voice_records_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voice_records" ADD CONSTRAINT "case_voice_records_captured_by_user_id_users_id_fk" FOREIGN KEY ("captured_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voice_records" ADD CONSTRAINT "case_voice_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_action_outcomes" ADD CONSTRAINT "supervision_action_outcomes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_action_outcomes" ADD CONSTRAINT "supervision_action_outcomes_action_id_supervision_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."supervision_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_action_outcomes" ADD CONSTRAINT "supervision_action_outcomes_decided_at_supervision_id_supervisions_id_fk" FOREIGN KEY ("decided_at_supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_action_outcomes" ADD CONSTRAINT "supervision_action_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_supervision_id_supervisions_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_cases" ADD CONSTRAINT "supervision_cases_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisions" ADD CONSTRAINT "supervisions_worker_id_case_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."case_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_chronology_notes_person" ON "case_chronology_notes" USING btree ("organisation_id","person_id","created_at");--> statement-breakpoint
CREATE INDEX "case_chronology_notes_event" ON "case_chronology_notes" USING btree ("organisation_id","event_table","event_source_id");--> statement-breakpoint
CREATE INDEX "case_oversight_notes_person" ON "case_oversight_notes" USING btree ("organisation_id","person_id","decided_on");--> statement-breakpoint
CREATE INDEX "case_voice_records_person" ON "case_voice_records" USING btree ("organisation_id","person_id","recorded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_action_outcomes_action" ON "supervision_action_outcomes" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "supervision_actions_supervision" ON "supervision_actions" USING btree ("supervision_id");--> statement-breakpoint
CREATE INDEX "supervision_actions_chain" ON "supervision_actions" USING btree ("organisation_id","chain_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_actions_previous" ON "supervision_actions" USING btree ("previous_action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_cases_unique" ON "supervision_cases" USING btree ("supervision_id","person_id");--> statement-breakpoint
CREATE INDEX "supervisions_worker" ON "supervisions" USING btree ("organisation_id","worker_id","held_on");--> statement-breakpoint
CREATE INDEX "supervisions_supervisor" ON "supervisions" USING btree ("organisation_id","supervisor_user_id");