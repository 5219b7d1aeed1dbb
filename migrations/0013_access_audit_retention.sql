-- Retention of the access audit (docs/operations.md, "Retention"). Events stay
-- append-only: no UPDATE or TRUNCATE ever, and DELETE only through
-- access_audit_remove_before() below, which runs with the table owner's
-- rights, removes only events recorded before a cutoff at least a year in the
-- past, and records what it removed as an audit event of its own. The service
-- role holds no DELETE on the table (revoked below and in the documented
-- grants), so it cannot remove events any other way.
CREATE OR REPLACE FUNCTION access_audit_reject_change() RETURNS trigger AS $$
DECLARE
  retention_before text := current_setting('oversight.access_audit_retention_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(retention_before, '') <> ''
     AND retention_before::timestamptz <= now() - interval '1 year'
     AND OLD.at < retention_before::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'access_audit is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION access_audit_remove_before(cutoff timestamptz, organisation uuid)
RETURNS bigint
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  removed bigint;
BEGIN
  IF cutoff IS NULL OR cutoff > now() - interval '1 year' THEN
    RAISE EXCEPTION 'access audit events are kept for at least a year: cannot remove events recorded after %', cutoff
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('oversight.access_audit_retention_before', cutoff::text, true);
  DELETE FROM access_audit
    WHERE at < cutoff AND organisation_id IS NOT DISTINCT FROM organisation;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('oversight.access_audit_retention_before', '', true);
  IF removed > 0 THEN
    INSERT INTO access_audit (organisation_id, action, record_type, detail, at)
      VALUES (organisation, 'audit.retention', 'access_audit',
        format('Removed %s access audit events recorded before %s (retention period)', removed, cutoff), now());
  END IF;
  RETURN removed;
END;
$$;
--> statement-breakpoint
-- Nobody but the table's owner may change or remove events directly.
REVOKE UPDATE, DELETE, TRUNCATE ON access_audit FROM PUBLIC;
--> statement-breakpoint
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN
    SELECT DISTINCT a.grantee::regrole::text AS grantee
      FROM pg_class c, aclexplode(c.relacl) a
     WHERE c.oid = 'access_audit'::regclass
       AND a.grantee <> c.relowner AND a.grantee <> 0
       AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON access_audit FROM %s', r.grantee);
  END LOOP;
END
$$;
