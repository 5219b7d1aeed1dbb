-- The access audit is append-only: no one, not even the service's own
-- database user, may change or remove an event once written.
CREATE OR REPLACE FUNCTION access_audit_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'access_audit is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER access_audit_no_update_delete
  BEFORE UPDATE OR DELETE ON access_audit
  FOR EACH ROW EXECUTE FUNCTION access_audit_reject_change();
--> statement-breakpoint
CREATE TRIGGER access_audit_no_truncate
  BEFORE TRUNCATE ON access_audit
  FOR EACH STATEMENT EXECUTE FUNCTION access_audit_reject_change();
