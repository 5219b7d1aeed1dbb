-- The SSD register's references, checked once per statement instead of row by row.
--
-- An import merges each table's staged rows with one INSERT ... SELECT (src/modules/cases/import-staging.ts);
-- foreign keys checked row by row (organisation and person) were most of its cost. These triggers give the
-- same guarantee for every statement, from an import or a form: a register row's organisation must exist,
-- its child must be in case_people of the same organisation, and a child a register row refers to cannot be
-- deleted.
--
-- Staged rows of a running import (case_import_staging) never outlive a crash (start-up removes what a dead
-- import left), so they skip the write-ahead log.
ALTER TABLE "case_import_staging" SET UNLOGGED;
--> statement-breakpoint
CREATE FUNCTION case_register_check_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = n.organisation_id)) THEN
    RAISE EXCEPTION 'insert or update on table "%" refers to an organisation that does not exist', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_register_check_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = n.organisation_id)) THEN
    RAISE EXCEPTION 'insert or update on table "%" refers to an organisation that does not exist', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows n WHERE NOT EXISTS (
      SELECT 1 FROM case_people p WHERE p.id = n.person_id AND p.organisation_id = n.organisation_id)) THEN
    RAISE EXCEPTION 'insert or update on table "%" refers to a child not in case_people of its organisation', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_people_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t text;
  referenced boolean;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_assessments', 'case_care_leavers', 'case_cin_plans', 'case_cin_visits', 'case_cla_care_plans', 'case_cla_episodes', 'case_cla_health', 'case_cla_peps', 'case_cla_placements', 'case_cla_reviews', 'case_cla_visits', 'case_contacts', 'case_cp_plans', 'case_cp_reviews', 'case_cp_visits', 'case_disabilities', 'case_early_help_episodes', 'case_immigration_statuses', 'case_initial_conferences', 'case_involvements', 'case_legal_statuses', 'case_missing_episodes', 'case_recorded_events', 'case_referrals', 'case_s47_enquiries', 'case_sdq_scores', 'case_send', 'case_voice_of_child_flags'] LOOP
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I r JOIN old_rows o ON o.id = r.person_id)', t) INTO referenced;
    IF referenced THEN
      RAISE EXCEPTION 'a child in case_people is still referenced from %', t USING ERRCODE = 'foreign_key_violation';
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_people_keep_referenced AFTER DELETE ON case_people
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_people_keep_referenced();
--> statement-breakpoint
CREATE TRIGGER case_assessments_refs_i AFTER INSERT ON case_assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_assessments_refs_u AFTER UPDATE ON case_assessments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_care_leavers_refs_i AFTER INSERT ON case_care_leavers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_care_leavers_refs_u AFTER UPDATE ON case_care_leavers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cin_plans_refs_i AFTER INSERT ON case_cin_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cin_plans_refs_u AFTER UPDATE ON case_cin_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cin_visits_refs_i AFTER INSERT ON case_cin_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cin_visits_refs_u AFTER UPDATE ON case_cin_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_care_plans_refs_i AFTER INSERT ON case_cla_care_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_care_plans_refs_u AFTER UPDATE ON case_cla_care_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_episodes_refs_i AFTER INSERT ON case_cla_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_episodes_refs_u AFTER UPDATE ON case_cla_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_health_refs_i AFTER INSERT ON case_cla_health
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_health_refs_u AFTER UPDATE ON case_cla_health
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_peps_refs_i AFTER INSERT ON case_cla_peps
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_peps_refs_u AFTER UPDATE ON case_cla_peps
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_placements_refs_i AFTER INSERT ON case_cla_placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_placements_refs_u AFTER UPDATE ON case_cla_placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_reviews_refs_i AFTER INSERT ON case_cla_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_reviews_refs_u AFTER UPDATE ON case_cla_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_visits_refs_i AFTER INSERT ON case_cla_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cla_visits_refs_u AFTER UPDATE ON case_cla_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_contacts_refs_i AFTER INSERT ON case_contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_contacts_refs_u AFTER UPDATE ON case_contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cp_plans_refs_i AFTER INSERT ON case_cp_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cp_plans_refs_u AFTER UPDATE ON case_cp_plans
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cp_reviews_refs_i AFTER INSERT ON case_cp_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cp_reviews_refs_u AFTER UPDATE ON case_cp_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cp_visits_refs_i AFTER INSERT ON case_cp_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_cp_visits_refs_u AFTER UPDATE ON case_cp_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_disabilities_refs_i AFTER INSERT ON case_disabilities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_disabilities_refs_u AFTER UPDATE ON case_disabilities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_early_help_episodes_refs_i AFTER INSERT ON case_early_help_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_early_help_episodes_refs_u AFTER UPDATE ON case_early_help_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_immigration_statuses_refs_i AFTER INSERT ON case_immigration_statuses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_immigration_statuses_refs_u AFTER UPDATE ON case_immigration_statuses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_initial_conferences_refs_i AFTER INSERT ON case_initial_conferences
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_initial_conferences_refs_u AFTER UPDATE ON case_initial_conferences
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_involvements_refs_i AFTER INSERT ON case_involvements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_involvements_refs_u AFTER UPDATE ON case_involvements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_legal_statuses_refs_i AFTER INSERT ON case_legal_statuses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_legal_statuses_refs_u AFTER UPDATE ON case_legal_statuses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_missing_episodes_refs_i AFTER INSERT ON case_missing_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_missing_episodes_refs_u AFTER UPDATE ON case_missing_episodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_people_refs_i AFTER INSERT ON case_people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_organisation();
--> statement-breakpoint
CREATE TRIGGER case_people_refs_u AFTER UPDATE ON case_people
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_organisation();
--> statement-breakpoint
CREATE TRIGGER case_recorded_events_refs_i AFTER INSERT ON case_recorded_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_recorded_events_refs_u AFTER UPDATE ON case_recorded_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_referrals_refs_i AFTER INSERT ON case_referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_referrals_refs_u AFTER UPDATE ON case_referrals
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_s47_enquiries_refs_i AFTER INSERT ON case_s47_enquiries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_s47_enquiries_refs_u AFTER UPDATE ON case_s47_enquiries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_sdq_scores_refs_i AFTER INSERT ON case_sdq_scores
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_sdq_scores_refs_u AFTER UPDATE ON case_sdq_scores
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_send_refs_i AFTER INSERT ON case_send
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_send_refs_u AFTER UPDATE ON case_send
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_teams_refs_i AFTER INSERT ON case_teams
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_organisation();
--> statement-breakpoint
CREATE TRIGGER case_teams_refs_u AFTER UPDATE ON case_teams
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_organisation();
--> statement-breakpoint
CREATE TRIGGER case_voice_of_child_flags_refs_i AFTER INSERT ON case_voice_of_child_flags
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_voice_of_child_flags_refs_u AFTER UPDATE ON case_voice_of_child_flags
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_person();
--> statement-breakpoint
CREATE TRIGGER case_workers_refs_i AFTER INSERT ON case_workers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_organisation();
--> statement-breakpoint
CREATE TRIGGER case_workers_refs_u AFTER UPDATE ON case_workers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_register_check_organisation();
