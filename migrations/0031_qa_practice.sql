CREATE TABLE "qa_early_help_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"closed_on" date NOT NULL,
	"ticked" text[] NOT NULL,
	"goals" jsonb NOT NULL,
	"comments" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_feedback_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"source" text NOT NULL,
	"team_id" uuid,
	"summary" text NOT NULL,
	"outcome" text,
	"outcome_on" date,
	"learning" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_calendar_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"frequency" text NOT NULL,
	"months" integer[] NOT NULL,
	"due_day" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_calendar_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"completed_on" date,
	"completed_by" uuid,
	"evidence" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"observed_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"observed_role" text NOT NULL,
	"observed_on" date NOT NULL,
	"setting" text NOT NULL,
	"went_well" text NOT NULL,
	"even_better_if" text NOT NULL,
	"agreed_learning" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_survey_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"cohort" text NOT NULL,
	"eligible" integer NOT NULL,
	"responses" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"text" text NOT NULL,
	"answered" integer NOT NULL,
	"positive" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_survey_quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"cohort" text NOT NULL,
	"text" text NOT NULL,
	"flagged" text[] NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "qa_early_help_feedback" ADD CONSTRAINT "qa_early_help_feedback_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_early_help_feedback" ADD CONSTRAINT "qa_early_help_feedback_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_feedback_log" ADD CONSTRAINT "qa_feedback_log_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_feedback_log" ADD CONSTRAINT "qa_feedback_log_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_feedback_log" ADD CONSTRAINT "qa_feedback_log_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_activities" ADD CONSTRAINT "qa_calendar_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_activities" ADD CONSTRAINT "qa_calendar_activities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_activities" ADD CONSTRAINT "qa_calendar_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_items" ADD CONSTRAINT "qa_calendar_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_items" ADD CONSTRAINT "qa_calendar_items_activity_id_qa_calendar_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."qa_calendar_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_items" ADD CONSTRAINT "qa_calendar_items_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_observer_id_users_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_observed_id_users_id_fk" FOREIGN KEY ("observed_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_cohorts" ADD CONSTRAINT "qa_survey_cohorts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_cohorts" ADD CONSTRAINT "qa_survey_cohorts_survey_id_qa_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."qa_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_questions" ADD CONSTRAINT "qa_survey_questions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_questions" ADD CONSTRAINT "qa_survey_questions_survey_id_qa_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."qa_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_quotes" ADD CONSTRAINT "qa_survey_quotes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_quotes" ADD CONSTRAINT "qa_survey_quotes_survey_id_qa_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."qa_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_quotes" ADD CONSTRAINT "qa_survey_quotes_cleared_by_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_survey_quotes" ADD CONSTRAINT "qa_survey_quotes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_surveys" ADD CONSTRAINT "qa_surveys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_surveys" ADD CONSTRAINT "qa_surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_early_help_feedback_org" ON "qa_early_help_feedback" USING btree ("organisation_id","closed_on");--> statement-breakpoint
CREATE INDEX "qa_feedback_log_org" ON "qa_feedback_log" USING btree ("organisation_id","received_on");--> statement-breakpoint
CREATE INDEX "qa_calendar_activities_org" ON "qa_calendar_activities" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_calendar_items_activity_due" ON "qa_calendar_items" USING btree ("activity_id","due_date");--> statement-breakpoint
CREATE INDEX "qa_calendar_items_org_due" ON "qa_calendar_items" USING btree ("organisation_id","due_date");--> statement-breakpoint
CREATE INDEX "qa_observations_org_date" ON "qa_observations" USING btree ("organisation_id","observed_on");--> statement-breakpoint
CREATE INDEX "qa_observations_observed" ON "qa_observations" USING btree ("organisation_id","observed_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_survey_cohorts_survey_cohort" ON "qa_survey_cohorts" USING btree ("survey_id","cohort");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_survey_questions_survey_text" ON "qa_survey_questions" USING btree ("survey_id","text");--> statement-breakpoint
CREATE INDEX "qa_survey_quotes_survey" ON "qa_survey_quotes" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_surveys_org_name_year" ON "qa_surveys" USING btree ("organisation_id","name","year");