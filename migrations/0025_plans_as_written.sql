ALTER TABLE "plan_actions" DROP CONSTRAINT "plan_actions_rag";--> statement-breakpoint
ALTER TABLE "plan_rag_changes" DROP CONSTRAINT "plan_rag_changes_rag";--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "end_date_precision" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "end_date_text" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "other_lead_ids" uuid[];--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "sub_heading" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "extra_text" text;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD COLUMN "author_label" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_end_date_precision" CHECK ("plan_actions"."end_date_precision" is null or "plan_actions"."end_date_precision" in ('month', 'quarter', 'season', 'year', 'text'));--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_rag" CHECK ("plan_actions"."rag" in ('red', 'amber', 'green', 'blue', 'not_rated'));--> statement-breakpoint
ALTER TABLE "plan_rag_changes" ADD CONSTRAINT "plan_rag_changes_rag" CHECK ("plan_rag_changes"."to_rag" in ('red', 'amber', 'green', 'blue', 'not_rated'));