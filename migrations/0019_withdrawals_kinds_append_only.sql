-- Withdrawals of recorded events and placement kinds are append-only like the
-- recorded events themselves (0017): a change of mind is a new row, never a
-- change to or removal of an old one.
CREATE TRIGGER case_recorded_event_withdrawals_no_update_delete
  BEFORE UPDATE OR DELETE ON case_recorded_event_withdrawals
  FOR EACH ROW EXECUTE FUNCTION recorded_events_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_recorded_event_withdrawals_no_truncate
  BEFORE TRUNCATE ON case_recorded_event_withdrawals
  FOR EACH STATEMENT EXECUTE FUNCTION recorded_events_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_placement_kinds_no_update_delete
  BEFORE UPDATE OR DELETE ON case_placement_kinds
  FOR EACH ROW EXECUTE FUNCTION recorded_events_reject_change();
--> statement-breakpoint
CREATE TRIGGER case_placement_kinds_no_truncate
  BEFORE TRUNCATE ON case_placement_kinds
  FOR EACH STATEMENT EXECUTE FUNCTION recorded_events_reject_change();
