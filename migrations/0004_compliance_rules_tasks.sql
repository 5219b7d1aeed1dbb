CREATE TABLE "compliance_prompts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_on" date NOT NULL,
	"items" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"escalate_after_working_days" integer DEFAULT 10 NOT NULL,
	"prompts_enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"episode_id" text NOT NULL,
	"rule_key" text NOT NULL,
	"rule_version" integer NOT NULL,
	"service_level" text NOT NULL,
	"task_type" text NOT NULL,
	"occurrence" integer NOT NULL,
	"clock_start" date NOT NULL,
	"due" date NOT NULL,
	"completed_on" date,
	"status" text NOT NULL,
	"days_late" integer NOT NULL,
	"episode_open" boolean NOT NULL,
	"worker_id" uuid,
	"team_id" uuid,
	"computed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "timescale_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"definition" jsonb NOT NULL,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_prompts" ADD CONSTRAINT "compliance_prompts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_prompts" ADD CONSTRAINT "compliance_prompts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_settings" ADD CONSTRAINT "compliance_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_tasks" ADD CONSTRAINT "compliance_tasks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timescale_rules" ADD CONSTRAINT "timescale_rules_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timescale_rules" ADD CONSTRAINT "timescale_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_prompts_once" ON "compliance_prompts" USING btree ("organisation_id","user_id","kind","sent_on");--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_status" ON "compliance_tasks" USING btree ("organisation_id","episode_open","status");--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_team" ON "compliance_tasks" USING btree ("organisation_id","team_id");--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_worker" ON "compliance_tasks" USING btree ("organisation_id","worker_id");--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_person" ON "compliance_tasks" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "compliance_tasks_org_due" ON "compliance_tasks" USING btree ("organisation_id","due");--> statement-breakpoint
CREATE UNIQUE INDEX "timescale_rules_version" ON "timescale_rules" USING btree ("organisation_id","key","version");