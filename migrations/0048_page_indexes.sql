DROP INDEX "compliance_tasks_org_worker";--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_worker_status" ON "compliance_tasks" USING btree ("organisation_id","worker_id","episode_open","status","due");--> statement-breakpoint
CREATE INDEX "qa_audits_org_auditor_round" ON "qa_audits" USING btree ("organisation_id","auditor_id","round_id","status");