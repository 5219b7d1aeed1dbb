-- Quality assurance history is append-only: a template version, once saved,
-- is what its audits were done on; a moderation decision sits beside the
-- auditor's grade and is never changed or removed, not even by the service's
-- own database user. So is what a follow-up meeting decided on a recommendation.
CREATE OR REPLACE FUNCTION qa_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER qa_template_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON qa_template_versions
  FOR EACH ROW EXECUTE FUNCTION qa_reject_change();
--> statement-breakpoint
CREATE TRIGGER qa_template_versions_no_truncate
  BEFORE TRUNCATE ON qa_template_versions
  FOR EACH STATEMENT EXECUTE FUNCTION qa_reject_change();
--> statement-breakpoint
CREATE TRIGGER qa_moderations_no_update_delete
  BEFORE UPDATE OR DELETE ON qa_moderations
  FOR EACH ROW EXECUTE FUNCTION qa_reject_change();
--> statement-breakpoint
CREATE TRIGGER qa_moderations_no_truncate
  BEFORE TRUNCATE ON qa_moderations
  FOR EACH STATEMENT EXECUTE FUNCTION qa_reject_change();
--> statement-breakpoint
CREATE TRIGGER qa_recommendation_decisions_no_update_delete
  BEFORE UPDATE OR DELETE ON qa_recommendation_decisions
  FOR EACH ROW EXECUTE FUNCTION qa_reject_change();
--> statement-breakpoint
CREATE TRIGGER qa_recommendation_decisions_no_truncate
  BEFORE TRUNCATE ON qa_recommendation_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION qa_reject_change();
