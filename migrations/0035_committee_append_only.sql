-- Published committee packs and the clerk's recorded disclosure overrides are
-- append-only: a correction is a new publication, never a change to one that
-- the public may already have read; not even the service's own database user
-- may change or remove them.
CREATE OR REPLACE FUNCTION committee_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER committee_publications_no_update_delete
  BEFORE UPDATE OR DELETE ON committee_publications
  FOR EACH ROW EXECUTE FUNCTION committee_reject_change();
--> statement-breakpoint
CREATE TRIGGER committee_publications_no_truncate
  BEFORE TRUNCATE ON committee_publications
  FOR EACH STATEMENT EXECUTE FUNCTION committee_reject_change();
--> statement-breakpoint
CREATE TRIGGER committee_disclosure_overrides_no_update_delete
  BEFORE UPDATE OR DELETE ON committee_disclosure_overrides
  FOR EACH ROW EXECUTE FUNCTION committee_reject_change();
--> statement-breakpoint
CREATE TRIGGER committee_disclosure_overrides_no_truncate
  BEFORE TRUNCATE ON committee_disclosure_overrides
  FOR EACH STATEMENT EXECUTE FUNCTION committee_reject_change();
