CREATE TABLE "case_import_staging" (
	"import_id" uuid NOT NULL,
	"part" smallint NOT NULL,
	"seq" integer NOT NULL,
	"new_id" uuid NOT NULL,
	"row_hash" text NOT NULL,
	"v" text[] NOT NULL,
	CONSTRAINT "case_import_staging_import_id_part_seq_pk" PRIMARY KEY("import_id","part","seq")
);
--> statement-breakpoint
ALTER TABLE "case_assessments" DROP CONSTRAINT "case_assessments_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_assessments" DROP CONSTRAINT "case_assessments_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_care_leavers" DROP CONSTRAINT "case_care_leavers_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_care_leavers" DROP CONSTRAINT "case_care_leavers_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cin_plans" DROP CONSTRAINT "case_cin_plans_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cin_plans" DROP CONSTRAINT "case_cin_plans_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cin_visits" DROP CONSTRAINT "case_cin_visits_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cin_visits" DROP CONSTRAINT "case_cin_visits_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_care_plans" DROP CONSTRAINT "case_cla_care_plans_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_care_plans" DROP CONSTRAINT "case_cla_care_plans_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_episodes" DROP CONSTRAINT "case_cla_episodes_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_episodes" DROP CONSTRAINT "case_cla_episodes_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_health" DROP CONSTRAINT "case_cla_health_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_health" DROP CONSTRAINT "case_cla_health_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_peps" DROP CONSTRAINT "case_cla_peps_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_peps" DROP CONSTRAINT "case_cla_peps_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_placements" DROP CONSTRAINT "case_cla_placements_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_placements" DROP CONSTRAINT "case_cla_placements_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_reviews" DROP CONSTRAINT "case_cla_reviews_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_reviews" DROP CONSTRAINT "case_cla_reviews_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_visits" DROP CONSTRAINT "case_cla_visits_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cla_visits" DROP CONSTRAINT "case_cla_visits_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_contacts" DROP CONSTRAINT "case_contacts_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_contacts" DROP CONSTRAINT "case_contacts_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cp_plans" DROP CONSTRAINT "case_cp_plans_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cp_plans" DROP CONSTRAINT "case_cp_plans_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cp_reviews" DROP CONSTRAINT "case_cp_reviews_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cp_reviews" DROP CONSTRAINT "case_cp_reviews_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cp_visits" DROP CONSTRAINT "case_cp_visits_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_cp_visits" DROP CONSTRAINT "case_cp_visits_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_disabilities" DROP CONSTRAINT "case_disabilities_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_disabilities" DROP CONSTRAINT "case_disabilities_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_early_help_episodes" DROP CONSTRAINT "case_early_help_episodes_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_early_help_episodes" DROP CONSTRAINT "case_early_help_episodes_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_immigration_statuses" DROP CONSTRAINT "case_immigration_statuses_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_immigration_statuses" DROP CONSTRAINT "case_immigration_statuses_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_initial_conferences" DROP CONSTRAINT "case_initial_conferences_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_initial_conferences" DROP CONSTRAINT "case_initial_conferences_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_involvements" DROP CONSTRAINT "case_involvements_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_involvements" DROP CONSTRAINT "case_involvements_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_legal_statuses" DROP CONSTRAINT "case_legal_statuses_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_legal_statuses" DROP CONSTRAINT "case_legal_statuses_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_missing_episodes" DROP CONSTRAINT "case_missing_episodes_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_missing_episodes" DROP CONSTRAINT "case_missing_episodes_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_people" DROP CONSTRAINT "case_people_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_recorded_events" DROP CONSTRAINT "case_recorded_events_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_recorded_events" DROP CONSTRAINT "case_recorded_events_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_referrals" DROP CONSTRAINT "case_referrals_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_referrals" DROP CONSTRAINT "case_referrals_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_s47_enquiries" DROP CONSTRAINT "case_s47_enquiries_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_s47_enquiries" DROP CONSTRAINT "case_s47_enquiries_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_sdq_scores" DROP CONSTRAINT "case_sdq_scores_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_sdq_scores" DROP CONSTRAINT "case_sdq_scores_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_send" DROP CONSTRAINT "case_send_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_send" DROP CONSTRAINT "case_send_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_teams" DROP CONSTRAINT "case_teams_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_voice_of_child_flags" DROP CONSTRAINT "case_voice_of_child_flags_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "case_voice_of_child_flags" DROP CONSTRAINT "case_voice_of_child_flags_person_id_case_people_id_fk";
--> statement-breakpoint
ALTER TABLE "case_workers" DROP CONSTRAINT "case_workers_organisation_id_organisations_id_fk";
