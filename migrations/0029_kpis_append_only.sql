-- Indicator history is append-only: a definition's versions, figures entered
-- by hand (a later entry for a period stands beside the earlier one), the
-- report commentary and the signed-off reports (frozen for the committee) are
-- never changed or removed, not even by the service's own database user.
CREATE OR REPLACE FUNCTION kpi_reject_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER kpi_indicator_versions_no_update_delete
  BEFORE UPDATE OR DELETE ON kpi_indicator_versions
  FOR EACH ROW EXECUTE FUNCTION kpi_reject_change();
--> statement-breakpoint
CREATE TRIGGER kpi_indicator_versions_no_truncate
  BEFORE TRUNCATE ON kpi_indicator_versions
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_reject_change();
--> statement-breakpoint
CREATE TRIGGER kpi_entered_values_no_update_delete
  BEFORE UPDATE OR DELETE ON kpi_entered_values
  FOR EACH ROW EXECUTE FUNCTION kpi_reject_change();
--> statement-breakpoint
CREATE TRIGGER kpi_entered_values_no_truncate
  BEFORE TRUNCATE ON kpi_entered_values
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_reject_change();
--> statement-breakpoint
CREATE TRIGGER kpi_commentary_no_update_delete
  BEFORE UPDATE OR DELETE ON kpi_commentary
  FOR EACH ROW EXECUTE FUNCTION kpi_reject_change();
--> statement-breakpoint
CREATE TRIGGER kpi_commentary_no_truncate
  BEFORE TRUNCATE ON kpi_commentary
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_reject_change();
--> statement-breakpoint
CREATE TRIGGER kpi_report_signoffs_no_update_delete
  BEFORE UPDATE OR DELETE ON kpi_report_signoffs
  FOR EACH ROW EXECUTE FUNCTION kpi_reject_change();
--> statement-breakpoint
CREATE TRIGGER kpi_report_signoffs_no_truncate
  BEFORE TRUNCATE ON kpi_report_signoffs
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_reject_change();
