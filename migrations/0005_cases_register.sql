CREATE TABLE "case_access_grants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"referral_source_id" text,
	"start_date" date NOT NULL,
	"child_seen" boolean,
	"authorised_date" date,
	"outcome_json" text,
	"no_further_action" boolean,
	"team_source_id" text,
	"worker_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_care_leavers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"eligibility" text,
	"in_touch" text,
	"latest_contact_date" date,
	"accommodation" text,
	"accommodation_suitable" text,
	"activity" text,
	"pathway_plan_review_date" date,
	"personal_adviser" text,
	"team_source_id" text,
	"worker_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_cin_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"referral_source_id" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"team_source_id" text,
	"worker_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_cin_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cin_plan_source_id" text,
	"visit_date" date NOT NULL,
	"child_seen" boolean,
	"seen_alone" boolean,
	"bedroom_seen" boolean
);
--> statement-breakpoint
CREATE TABLE "case_cla_care_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"plan_json" text
);
--> statement-breakpoint
CREATE TABLE "case_cla_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cla_source_id" text NOT NULL,
	"referral_source_id" text,
	"placement_source_id" text,
	"start_date" date NOT NULL,
	"start_reason" text,
	"primary_need_code" text,
	"ceased_date" date,
	"ceased_reason" text,
	"last_iro_contact_date" date,
	"entered_care_date" date
);
--> statement-breakpoint
CREATE TABLE "case_cla_health" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"check_type" text,
	"check_date" date NOT NULL,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "case_cla_peps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cla_source_id" text,
	"pep_date" date NOT NULL,
	"status" text
);
--> statement-breakpoint
CREATE TABLE "case_cla_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cla_source_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"placement_type" text,
	"urn" text,
	"distance_miles" double precision,
	"provider" text,
	"postcode" text,
	"change_reason" text
);
--> statement-breakpoint
CREATE TABLE "case_cla_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cla_source_id" text NOT NULL,
	"due_date" date,
	"review_date" date,
	"cancelled" boolean,
	"participation" text
);
--> statement-breakpoint
CREATE TABLE "case_cla_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cla_source_id" text,
	"visit_date" date NOT NULL,
	"child_seen" boolean,
	"seen_alone" boolean
);
--> statement-breakpoint
CREATE TABLE "case_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"contact_date" date NOT NULL,
	"source_code" text,
	"source_description" text,
	"outcome_json" text
);
--> statement-breakpoint
CREATE TABLE "case_cp_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"referral_source_id" text,
	"icpc_source_id" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"other_authority" boolean,
	"initial_category" text,
	"latest_category" text
);
--> statement-breakpoint
CREATE TABLE "case_cp_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cp_plan_source_id" text,
	"due_date" date,
	"review_date" date,
	"meeting_id" text,
	"outcome_continue_plan" boolean,
	"quorate" text,
	"participation" text
);
--> statement-breakpoint
CREATE TABLE "case_cp_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"cp_plan_source_id" text,
	"visit_date" date NOT NULL,
	"child_seen" boolean,
	"seen_alone" boolean,
	"bedroom_seen" boolean
);
--> statement-breakpoint
CREATE TABLE "case_disabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_early_help_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason" text,
	"end_reason" text,
	"provider" text,
	"worker_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_immigration_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "case_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"origin" text NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"phase" text,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_initial_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"meeting_id" text,
	"s47_source_id" text,
	"cp_plan_source_id" text,
	"referral_source_id" text,
	"transfer_in" boolean,
	"target_date" date,
	"conference_date" date,
	"outcome_cp_plan" boolean,
	"outcome_json" text,
	"team_source_id" text,
	"worker_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_involvements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"worker_id" uuid,
	"case_team_id" uuid,
	"role" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"change_reason" text,
	"referral_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_legal_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"legal_status" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date
);
--> statement-breakpoint
CREATE TABLE "case_missing_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"episode_type" text,
	"return_interview_offered" boolean,
	"return_interview_accepted" boolean
);
--> statement-breakpoint
CREATE TABLE "case_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"legacy_id" text,
	"forename" text,
	"surname" text,
	"sex" text,
	"gender" text,
	"ethnicity" text,
	"date_of_birth" date,
	"expected_date_of_birth" date,
	"date_of_death" date,
	"nhs_number" text,
	"upn" text,
	"upn_unknown_reason" text,
	"has_ehcp" boolean,
	"is_mother" boolean,
	"nationality" text,
	"open_case" boolean DEFAULT false NOT NULL,
	"service_level" text DEFAULT 'none' NOT NULL,
	"uasc" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"search_name" text
);
--> statement-breakpoint
CREATE TABLE "case_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"referral_date" date NOT NULL,
	"primary_need_code" text,
	"source_code" text,
	"source_description" text,
	"outcome_json" text,
	"no_further_action" boolean,
	"close_reason" text,
	"close_date" date,
	"team_source_id" text,
	"worker_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_s47_enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"referral_source_id" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"no_further_action" boolean,
	"outcome_json" text,
	"team_source_id" text,
	"worker_source_id" text
);
--> statement-breakpoint
CREATE TABLE "case_sdq_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"completed_date" date NOT NULL,
	"score" integer,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "case_send" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"upn" text,
	"uln" text,
	"upn_unknown_reason" text
);
--> statement-breakpoint
CREATE TABLE "case_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"name" text NOT NULL,
	"parent_source_id" text,
	"parent_name" text,
	"team_id" uuid
);
--> statement-breakpoint
CREATE TABLE "case_voice_of_child_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"person_id" uuid NOT NULL,
	"explained_worries" boolean,
	"story_helped_understand" boolean,
	"agrees_with_worker" boolean,
	"plan_makes_safe" boolean,
	"tablet_helped_explain" boolean
);
--> statement-breakpoint
CREATE TABLE "case_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" text NOT NULL,
	"row_hash" text NOT NULL,
	"first_import_id" uuid,
	"changed_import_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by_import_id" uuid,
	"staff_id" text,
	"name" text NOT NULL,
	"email" text,
	"registration_number" text,
	"job_title" text,
	"caseload" integer,
	"department" text,
	"fte" double precision,
	"agency_worker" boolean,
	"user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "case_access_grants" ADD CONSTRAINT "case_access_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_grants" ADD CONSTRAINT "case_access_grants_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_access_grants" ADD CONSTRAINT "case_access_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assessments" ADD CONSTRAINT "case_assessments_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_care_leavers" ADD CONSTRAINT "case_care_leavers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_care_leavers" ADD CONSTRAINT "case_care_leavers_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cin_plans" ADD CONSTRAINT "case_cin_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cin_plans" ADD CONSTRAINT "case_cin_plans_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cin_visits" ADD CONSTRAINT "case_cin_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cin_visits" ADD CONSTRAINT "case_cin_visits_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_care_plans" ADD CONSTRAINT "case_cla_care_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_care_plans" ADD CONSTRAINT "case_cla_care_plans_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_episodes" ADD CONSTRAINT "case_cla_episodes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_episodes" ADD CONSTRAINT "case_cla_episodes_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_health" ADD CONSTRAINT "case_cla_health_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_health" ADD CONSTRAINT "case_cla_health_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_peps" ADD CONSTRAINT "case_cla_peps_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_peps" ADD CONSTRAINT "case_cla_peps_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_placements" ADD CONSTRAINT "case_cla_placements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_placements" ADD CONSTRAINT "case_cla_placements_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_reviews" ADD CONSTRAINT "case_cla_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_reviews" ADD CONSTRAINT "case_cla_reviews_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_visits" ADD CONSTRAINT "case_cla_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cla_visits" ADD CONSTRAINT "case_cla_visits_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contacts" ADD CONSTRAINT "case_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_contacts" ADD CONSTRAINT "case_contacts_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cp_plans" ADD CONSTRAINT "case_cp_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cp_plans" ADD CONSTRAINT "case_cp_plans_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cp_reviews" ADD CONSTRAINT "case_cp_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cp_reviews" ADD CONSTRAINT "case_cp_reviews_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cp_visits" ADD CONSTRAINT "case_cp_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_cp_visits" ADD CONSTRAINT "case_cp_visits_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_disabilities" ADD CONSTRAINT "case_disabilities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_disabilities" ADD CONSTRAINT "case_disabilities_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_early_help_episodes" ADD CONSTRAINT "case_early_help_episodes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_early_help_episodes" ADD CONSTRAINT "case_early_help_episodes_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_immigration_statuses" ADD CONSTRAINT "case_immigration_statuses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_immigration_statuses" ADD CONSTRAINT "case_immigration_statuses_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_imports" ADD CONSTRAINT "case_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_initial_conferences" ADD CONSTRAINT "case_initial_conferences_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_initial_conferences" ADD CONSTRAINT "case_initial_conferences_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_involvements" ADD CONSTRAINT "case_involvements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_involvements" ADD CONSTRAINT "case_involvements_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_involvements" ADD CONSTRAINT "case_involvements_worker_id_case_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."case_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_involvements" ADD CONSTRAINT "case_involvements_case_team_id_case_teams_id_fk" FOREIGN KEY ("case_team_id") REFERENCES "public"."case_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_statuses" ADD CONSTRAINT "case_legal_statuses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_legal_statuses" ADD CONSTRAINT "case_legal_statuses_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_missing_episodes" ADD CONSTRAINT "case_missing_episodes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_missing_episodes" ADD CONSTRAINT "case_missing_episodes_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_people" ADD CONSTRAINT "case_people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_s47_enquiries" ADD CONSTRAINT "case_s47_enquiries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_s47_enquiries" ADD CONSTRAINT "case_s47_enquiries_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sdq_scores" ADD CONSTRAINT "case_sdq_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_sdq_scores" ADD CONSTRAINT "case_sdq_scores_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_send" ADD CONSTRAINT "case_send_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_send" ADD CONSTRAINT "case_send_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_teams" ADD CONSTRAINT "case_teams_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_teams" ADD CONSTRAINT "case_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voice_of_child_flags" ADD CONSTRAINT "case_voice_of_child_flags_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_voice_of_child_flags" ADD CONSTRAINT "case_voice_of_child_flags_person_id_case_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."case_people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_workers" ADD CONSTRAINT "case_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_access_grants_user" ON "case_access_grants" USING btree ("user_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_assessments_org_source" ON "case_assessments" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_assessments_person" ON "case_assessments" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_care_leavers_org_source" ON "case_care_leavers" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_care_leavers_person" ON "case_care_leavers" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cin_plans_org_source" ON "case_cin_plans" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cin_plans_person" ON "case_cin_plans" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cin_visits_org_source" ON "case_cin_visits" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cin_visits_person" ON "case_cin_visits" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cla_care_plans_org_source" ON "case_cla_care_plans" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cla_care_plans_person" ON "case_cla_care_plans" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cla_episodes_org_source" ON "case_cla_episodes" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cla_episodes_person" ON "case_cla_episodes" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_cla_episodes_org_cla" ON "case_cla_episodes" USING btree ("organisation_id","cla_source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cla_health_org_source" ON "case_cla_health" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cla_health_person" ON "case_cla_health" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cla_peps_org_source" ON "case_cla_peps" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cla_peps_person" ON "case_cla_peps" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cla_placements_org_source" ON "case_cla_placements" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cla_placements_person" ON "case_cla_placements" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cla_reviews_org_source" ON "case_cla_reviews" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cla_reviews_person" ON "case_cla_reviews" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cla_visits_org_source" ON "case_cla_visits" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cla_visits_person" ON "case_cla_visits" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_contacts_org_source" ON "case_contacts" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_contacts_person" ON "case_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cp_plans_org_source" ON "case_cp_plans" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cp_plans_person" ON "case_cp_plans" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cp_reviews_org_source" ON "case_cp_reviews" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cp_reviews_person" ON "case_cp_reviews" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_cp_visits_org_source" ON "case_cp_visits" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_cp_visits_person" ON "case_cp_visits" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_disabilities_org_source" ON "case_disabilities" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_disabilities_person" ON "case_disabilities" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_early_help_episodes_org_source" ON "case_early_help_episodes" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_early_help_episodes_person" ON "case_early_help_episodes" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_immigration_statuses_org_source" ON "case_immigration_statuses" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_immigration_statuses_person" ON "case_immigration_statuses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_imports_org_created" ON "case_imports" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_imports_one_running" ON "case_imports" USING btree ("organisation_id") WHERE status in ('queued', 'validating', 'applying');--> statement-breakpoint
CREATE UNIQUE INDEX "case_initial_conferences_org_source" ON "case_initial_conferences" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_initial_conferences_person" ON "case_initial_conferences" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_involvements_org_source" ON "case_involvements" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_involvements_person" ON "case_involvements" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_involvements_worker" ON "case_involvements" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "case_involvements_team" ON "case_involvements" USING btree ("case_team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_legal_statuses_org_source" ON "case_legal_statuses" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_legal_statuses_person" ON "case_legal_statuses" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_missing_episodes_org_source" ON "case_missing_episodes" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_missing_episodes_person" ON "case_missing_episodes" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_people_org_source" ON "case_people" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_people_org_open" ON "case_people" USING btree ("organisation_id","open_case");--> statement-breakpoint
CREATE INDEX "case_people_org_dob" ON "case_people" USING btree ("organisation_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "case_people_org_nhs" ON "case_people" USING btree ("organisation_id","nhs_number");--> statement-breakpoint
CREATE UNIQUE INDEX "case_referrals_org_source" ON "case_referrals" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_referrals_person" ON "case_referrals" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_s47_enquiries_org_source" ON "case_s47_enquiries" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_s47_enquiries_person" ON "case_s47_enquiries" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_sdq_scores_org_source" ON "case_sdq_scores" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_sdq_scores_person" ON "case_sdq_scores" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_send_org_source" ON "case_send" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_send_person" ON "case_send" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_teams_org_source" ON "case_teams" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_voice_of_child_flags_org_source" ON "case_voice_of_child_flags" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_voice_of_child_flags_person" ON "case_voice_of_child_flags" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_workers_org_source" ON "case_workers" USING btree ("organisation_id","source_id");--> statement-breakpoint
CREATE INDEX "case_workers_user" ON "case_workers" USING btree ("user_id");