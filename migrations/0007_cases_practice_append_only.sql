-- Practice records are append-only: what an event meant for the child, the
-- child's own words, management oversight decisions and what became of a
-- supervision action can be added, never changed or removed, not even by the
-- service's own database user. A correction is a new record.
CREATE OR REPLACE FUNCTION cases_practice_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_chronology_notes_no_update_delete
  BEFORE UPDATE OR DELETE ON case_chronology_notes
  FOR EACH ROW EXECUTE FUNCTION cases_practice_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_chronology_notes_no_truncate
  BEFORE TRUNCATE ON case_chronology_notes
  FOR EACH STATEMENT EXECUTE FUNCTION cases_practice_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_voice_records_no_update_delete
  BEFORE UPDATE OR DELETE ON case_voice_records
  FOR EACH ROW EXECUTE FUNCTION cases_practice_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_voice_records_no_truncate
  BEFORE TRUNCATE ON case_voice_records
  FOR EACH STATEMENT EXECUTE FUNCTION cases_practice_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_oversight_notes_no_update_delete
  BEFORE UPDATE OR DELETE ON case_oversight_notes
  FOR EACH ROW EXECUTE FUNCTION cases_practice_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_oversight_notes_no_truncate
  BEFORE TRUNCATE ON case_oversight_notes
  FOR EACH STATEMENT EXECUTE FUNCTION cases_practice_reject_change();
--> statement-breakpoint
CREATE TRIGGER supervision_action_outcomes_no_update_delete
  BEFORE UPDATE OR DELETE ON supervision_action_outcomes
  FOR EACH ROW EXECUTE FUNCTION cases_practice_reject_change();
--> statement-breakpoint
CREATE TRIGGER supervision_action_outcomes_no_truncate
  BEFORE TRUNCATE ON supervision_action_outcomes
  FOR EACH STATEMENT EXECUTE FUNCTION cases_practice_reject_change();
