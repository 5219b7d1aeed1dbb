CREATE TABLE "qa_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"template_version_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"stratum" text NOT NULL,
	"worker_user_id" uuid,
	"team_name" text,
	"auditor_id" uuid,
	"status" text NOT NULL,
	"answers" jsonb NOT NULL,
	"overall_grade" text,
	"narrative" text,
	"submitted_at" timestamp with time zone,
	"moderated_at" timestamp with time zone,
	"moderated_by" uuid,
	"response" text,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_follow_up_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"date" date NOT NULL,
	"chair" text NOT NULL,
	"attendees" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_moderations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"section_key" text,
	"auditor_grade" text,
	"grade" text NOT NULL,
	"reason" text,
	"moderated_at" timestamp with time zone NOT NULL,
	"moderated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_recommendation_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "qa_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"evidence" text,
	"rationale" text,
	"signed_off_at" timestamp with time zone,
	"signed_off_meeting_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"template_version_id" uuid NOT NULL,
	"auditor_ids" uuid[] NOT NULL,
	"sampling" jsonb NOT NULL,
	"eligible_count" integer NOT NULL,
	"excluded" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "qa_audits" ADD CONSTRAINT "qa_audits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_audits" ADD CONSTRAINT "qa_audits_round_id_qa_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."qa_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_audits" ADD CONSTRAINT "qa_audits_template_version_id_qa_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."qa_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_audits" ADD CONSTRAINT "qa_audits_worker_user_id_users_id_fk" FOREIGN KEY ("worker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_audits" ADD CONSTRAINT "qa_audits_auditor_id_users_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_audits" ADD CONSTRAINT "qa_audits_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_audits" ADD CONSTRAINT "qa_audits_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_follow_up_meetings" ADD CONSTRAINT "qa_follow_up_meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_follow_up_meetings" ADD CONSTRAINT "qa_follow_up_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_moderations" ADD CONSTRAINT "qa_moderations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_moderations" ADD CONSTRAINT "qa_moderations_audit_id_qa_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."qa_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_moderations" ADD CONSTRAINT "qa_moderations_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendation_decisions" ADD CONSTRAINT "qa_recommendation_decisions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendation_decisions" ADD CONSTRAINT "qa_recommendation_decisions_meeting_id_qa_follow_up_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."qa_follow_up_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendation_decisions" ADD CONSTRAINT "qa_recommendation_decisions_recommendation_id_qa_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."qa_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendations" ADD CONSTRAINT "qa_recommendations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendations" ADD CONSTRAINT "qa_recommendations_audit_id_qa_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."qa_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendations" ADD CONSTRAINT "qa_recommendations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendations" ADD CONSTRAINT "qa_recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_rounds" ADD CONSTRAINT "qa_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_rounds" ADD CONSTRAINT "qa_rounds_template_version_id_qa_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."qa_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_rounds" ADD CONSTRAINT "qa_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_template_versions" ADD CONSTRAINT "qa_template_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_template_versions" ADD CONSTRAINT "qa_template_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qa_audits_round_person" ON "qa_audits" USING btree ("round_id","person_id");--> statement-breakpoint
CREATE INDEX "qa_audits_org_status" ON "qa_audits" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "qa_audits_auditor" ON "qa_audits" USING btree ("auditor_id");--> statement-breakpoint
CREATE INDEX "qa_audits_person" ON "qa_audits" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "qa_audits_worker" ON "qa_audits" USING btree ("worker_user_id") WHERE "qa_audits"."worker_user_id" is not null;--> statement-breakpoint
CREATE INDEX "qa_follow_up_meetings_org" ON "qa_follow_up_meetings" USING btree ("organisation_id","date");--> statement-breakpoint
CREATE INDEX "qa_moderations_audit" ON "qa_moderations" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "qa_recommendation_decisions_rec" ON "qa_recommendation_decisions" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "qa_recommendations_org_status" ON "qa_recommendations" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "qa_recommendations_owner" ON "qa_recommendations" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "qa_recommendations_audit" ON "qa_recommendations" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "qa_rounds_org" ON "qa_rounds" USING btree ("organisation_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_template_versions_template_version" ON "qa_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE INDEX "qa_template_versions_org" ON "qa_template_versions" USING btree ("organisation_id");