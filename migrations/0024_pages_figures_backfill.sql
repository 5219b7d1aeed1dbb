-- The stored dashboard figures start from the tasks already computed (see compliance/figures-repository.ts).
INSERT INTO "compliance_open_counts" ("organisation_id", "status", "service_level", "task_type", "team_id", "worker_id", "n")
SELECT "organisation_id", "status", "service_level", "task_type", "team_id", "worker_id", count(*)::int
FROM "compliance_tasks"
WHERE "episode_open" AND "status" IN ('overdue', 'due-soon', 'upcoming')
GROUP BY "organisation_id", "status", "service_level", "task_type", "team_id", "worker_id";
--> statement-breakpoint
INSERT INTO "compliance_month_counts" ("organisation_id", "month", "status", "n")
SELECT "organisation_id", to_char("due", 'YYYY-MM'), "status", count(*)::int
FROM "compliance_tasks"
WHERE "status" IN ('done', 'done-late', 'overdue')
GROUP BY "organisation_id", to_char("due", 'YYYY-MM'), "status";
