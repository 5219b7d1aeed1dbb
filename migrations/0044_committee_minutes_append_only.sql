-- Approved committee minutes are append-only: once approved they are what the
-- public and members read, never changed afterwards, not even by the
-- service's own database user (committee_reject_change comes from the
-- committee packs' migration).
CREATE TRIGGER committee_approved_minutes_no_update_delete
  BEFORE UPDATE OR DELETE ON committee_approved_minutes
  FOR EACH ROW EXECUTE FUNCTION committee_reject_change();
--> statement-breakpoint
CREATE TRIGGER committee_approved_minutes_no_truncate
  BEFORE TRUNCATE ON committee_approved_minutes
  FOR EACH STATEMENT EXECUTE FUNCTION committee_reject_change();
