ALTER TABLE "case_involvements" DROP CONSTRAINT "case_involvements_worker_id_case_workers_id_fk";
--> statement-breakpoint
ALTER TABLE "case_involvements" DROP CONSTRAINT "case_involvements_case_team_id_case_teams_id_fk";

--> statement-breakpoint
-- An allocation's worker and team, checked once per statement instead of row by row (as 0037 checks
-- the child): each must be in case_workers and case_teams of the allocation's organisation, and a
-- worker or team an allocation refers to cannot be deleted.
CREATE FUNCTION case_involvements_check_workforce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows n WHERE n.worker_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM case_workers w WHERE w.id = n.worker_id AND w.organisation_id = n.organisation_id)) THEN
    RAISE EXCEPTION 'insert or update on table "case_involvements" refers to a worker not in case_workers of its organisation'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows n WHERE n.case_team_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM case_teams t WHERE t.id = n.case_team_id AND t.organisation_id = n.organisation_id)) THEN
    RAISE EXCEPTION 'insert or update on table "case_involvements" refers to a team not in case_teams of its organisation'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_involvements_workforce_i AFTER INSERT ON case_involvements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_involvements_check_workforce();
--> statement-breakpoint
CREATE TRIGGER case_involvements_workforce_u AFTER UPDATE ON case_involvements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_involvements_check_workforce();
--> statement-breakpoint
CREATE FUNCTION case_workforce_keep_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'case_workers' AND EXISTS (
      SELECT 1 FROM case_involvements i JOIN old_rows o ON o.id = i.worker_id) THEN
    RAISE EXCEPTION 'a worker in case_workers is still referenced from case_involvements' USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF TG_TABLE_NAME = 'case_teams' AND EXISTS (
      SELECT 1 FROM case_involvements i JOIN old_rows o ON o.id = i.case_team_id) THEN
    RAISE EXCEPTION 'a team in case_teams is still referenced from case_involvements' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER case_workers_keep_referenced AFTER DELETE ON case_workers
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_workforce_keep_referenced();
--> statement-breakpoint
CREATE TRIGGER case_teams_keep_referenced AFTER DELETE ON case_teams
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_workforce_keep_referenced();
