-- Statutory events recorded by form are append-only: a correction is a new
-- row, never a change to or removal of an old one, not even by the
-- service's own database user.
CREATE OR REPLACE FUNCTION recorded_events_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_recorded_events_no_update_delete
  BEFORE UPDATE OR DELETE ON case_recorded_events
  FOR EACH ROW EXECUTE FUNCTION recorded_events_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_recorded_events_no_truncate
  BEFORE TRUNCATE ON case_recorded_events
  FOR EACH STATEMENT EXECUTE FUNCTION recorded_events_reject_change();
