CREATE TABLE "plan_rag_scale" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"red_to" integer NOT NULL,
	"amber_to" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "plan_rag_scale_bands" CHECK ("plan_rag_scale"."red_to" >= 0 and "plan_rag_scale"."red_to" < "plan_rag_scale"."amber_to" and "plan_rag_scale"."amber_to" < 10)
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "start_date_precision" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "start_date_text" text;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD COLUMN "score" integer;--> statement-breakpoint
ALTER TABLE "plan_rag_changes" ADD COLUMN "score" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "table_columns" jsonb;--> statement-breakpoint
ALTER TABLE "plan_rag_scale" ADD CONSTRAINT "plan_rag_scale_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rag_scale" ADD CONSTRAINT "plan_rag_scale_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_start_date_precision" CHECK ("plan_actions"."start_date_precision" is null or "plan_actions"."start_date_precision" in ('month', 'quarter', 'season', 'year', 'text'));--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_score" CHECK ("plan_actions"."score" is null or ("plan_actions"."score" between 0 and 10));