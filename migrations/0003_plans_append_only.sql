-- Improvement plan history is append-only: RAG decisions and published
-- snapshots can be added, never changed or removed, not even by the
-- service's own database user.
CREATE OR REPLACE FUNCTION plans_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER plan_snapshots_no_update_delete
  BEFORE UPDATE OR DELETE ON plan_snapshots
  FOR EACH ROW EXECUTE FUNCTION plans_reject_change();
--> statement-breakpoint
CREATE TRIGGER plan_snapshots_no_truncate
  BEFORE TRUNCATE ON plan_snapshots
  FOR EACH STATEMENT EXECUTE FUNCTION plans_reject_change();
--> statement-breakpoint
CREATE TRIGGER plan_rag_changes_no_update_delete
  BEFORE UPDATE OR DELETE ON plan_rag_changes
  FOR EACH ROW EXECUTE FUNCTION plans_reject_change();
--> statement-breakpoint
CREATE TRIGGER plan_rag_changes_no_truncate
  BEFORE TRUNCATE ON plan_rag_changes
  FOR EACH STATEMENT EXECUTE FUNCTION plans_reject_change();
