CREATE TABLE "plan_action_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"home_plan_id" uuid NOT NULL,
	"priority_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"aim" text,
	"source_kind" text NOT NULL,
	"source_detail" text,
	"action" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"measure" text,
	"outcome_for_children" text,
	"lead_officer_id" uuid,
	"senior_lead_id" uuid,
	"area_lead_id" uuid,
	"rag" text NOT NULL,
	"rag_reviewed_on" date,
	"completed_on" date,
	"date_added" date,
	"agenda_item" text,
	"added_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_actions_rag" CHECK ("plan_actions"."rag" in ('red', 'amber', 'green', 'blue'))
);
--> statement-breakpoint
CREATE TABLE "plan_evidence_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"job_title" text NOT NULL,
	"initials" text,
	"holder_user_id" uuid,
	"holder_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_rag_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"from_rag" text,
	"to_rag" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"reason" text,
	"evidence_text" text,
	"evidence_link" text,
	"evidence_file_id" uuid,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_rag_changes_rag" CHECK ("plan_rag_changes"."to_rag" in ('red', 'amber', 'green', 'blue')),
	CONSTRAINT "plan_rag_changes_blue_evidence" CHECK ("plan_rag_changes"."to_rag" <> 'blue' or "plan_rag_changes"."from_rag" = 'blue' or coalesce("plan_rag_changes"."evidence_text", "plan_rag_changes"."evidence_link", "plan_rag_changes"."evidence_file_id"::text) is not null)
);
--> statement-breakpoint
CREATE TABLE "plan_rag_key" (
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"meaning" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "plan_rag_key_organisation_id_code_pk" PRIMARY KEY("organisation_id","code")
);
--> statement-breakpoint
CREATE TABLE "plan_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"as_at" date NOT NULL,
	"document" jsonb NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "plan_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"update_date" date NOT NULL,
	"progress" text NOT NULL,
	"focus" text,
	"author_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"duration_from" date,
	"duration_to" date,
	"relevant_strategies" text,
	"previous_versions" text,
	"monitoring_board" text,
	"owner" text,
	"implementation_date" date,
	"review_date" date,
	"monitoring_frequency" text NOT NULL,
	"aims" text,
	"committee_key" text,
	"committee_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_action_links" ADD CONSTRAINT "plan_action_links_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_links" ADD CONSTRAINT "plan_action_links_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_links" ADD CONSTRAINT "plan_action_links_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_links" ADD CONSTRAINT "plan_action_links_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_action_links" ADD CONSTRAINT "plan_action_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_home_plan_id_plans_id_fk" FOREIGN KEY ("home_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_lead_officer_id_plan_leads_id_fk" FOREIGN KEY ("lead_officer_id") REFERENCES "public"."plan_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_senior_lead_id_plan_leads_id_fk" FOREIGN KEY ("senior_lead_id") REFERENCES "public"."plan_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_area_lead_id_plan_leads_id_fk" FOREIGN KEY ("area_lead_id") REFERENCES "public"."plan_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_evidence_files" ADD CONSTRAINT "plan_evidence_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_evidence_files" ADD CONSTRAINT "plan_evidence_files_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_evidence_files" ADD CONSTRAINT "plan_evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_leads" ADD CONSTRAINT "plan_leads_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_leads" ADD CONSTRAINT "plan_leads_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rag_changes" ADD CONSTRAINT "plan_rag_changes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rag_changes" ADD CONSTRAINT "plan_rag_changes_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rag_changes" ADD CONSTRAINT "plan_rag_changes_evidence_file_id_plan_evidence_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."plan_evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rag_changes" ADD CONSTRAINT "plan_rag_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rag_key" ADD CONSTRAINT "plan_rag_key_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rag_key" ADD CONSTRAINT "plan_rag_key_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_snapshots" ADD CONSTRAINT "plan_snapshots_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_snapshots" ADD CONSTRAINT "plan_snapshots_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_snapshots" ADD CONSTRAINT "plan_snapshots_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_action_id_plan_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."plan_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_updates" ADD CONSTRAINT "plan_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_action_links_plan_reference" ON "plan_action_links" USING btree ("plan_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_action_links_plan_action" ON "plan_action_links" USING btree ("plan_id","action_id");--> statement-breakpoint
CREATE INDEX "plan_action_links_action" ON "plan_action_links" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_actions_plan_reference" ON "plan_actions" USING btree ("home_plan_id","reference");--> statement-breakpoint
CREATE INDEX "plan_actions_org" ON "plan_actions" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "plan_actions_priority" ON "plan_actions" USING btree ("priority_id");--> statement-breakpoint
CREATE INDEX "plan_evidence_files_action" ON "plan_evidence_files" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_leads_org_initials" ON "plan_leads" USING btree ("organisation_id",lower("initials")) WHERE "plan_leads"."initials" is not null;--> statement-breakpoint
CREATE INDEX "plan_leads_holder" ON "plan_leads" USING btree ("holder_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_priorities_plan_number" ON "plan_priorities" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_rag_changes_action" ON "plan_rag_changes" USING btree ("action_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_snapshots_plan_number" ON "plan_snapshots" USING btree ("plan_id","number");--> statement-breakpoint
CREATE INDEX "plan_updates_action" ON "plan_updates" USING btree ("action_id","update_date");--> statement-breakpoint
CREATE INDEX "plans_org" ON "plans" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_org_committee" ON "plans" USING btree ("organisation_id","committee_key") WHERE "plans"."type" = 'committee_outstanding';