CREATE TABLE "kept_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"url" text NOT NULL,
	"fields" jsonb NOT NULL,
	"kept_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"theme_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_recommendation_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recommendation_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_thematic_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"text" text NOT NULL,
	"theme_ids" uuid[] NOT NULL,
	"due_date" date,
	"plan_id" uuid,
	"action_id" uuid,
	"linked_at" timestamp with time zone,
	"linked_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kept_forms" ADD CONSTRAINT "kept_forms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kept_forms" ADD CONSTRAINT "kept_forms_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_findings" ADD CONSTRAINT "qa_findings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_findings" ADD CONSTRAINT "qa_findings_audit_id_qa_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."qa_audits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_findings" ADD CONSTRAINT "qa_findings_round_id_qa_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."qa_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_findings" ADD CONSTRAINT "qa_findings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendation_evidence" ADD CONSTRAINT "qa_recommendation_evidence_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendation_evidence" ADD CONSTRAINT "qa_recommendation_evidence_recommendation_id_qa_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."qa_recommendations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_recommendation_evidence" ADD CONSTRAINT "qa_recommendation_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_thematic_recommendations" ADD CONSTRAINT "qa_thematic_recommendations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_thematic_recommendations" ADD CONSTRAINT "qa_thematic_recommendations_round_id_qa_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."qa_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_thematic_recommendations" ADD CONSTRAINT "qa_thematic_recommendations_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_thematic_recommendations" ADD CONSTRAINT "qa_thematic_recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_themes" ADD CONSTRAINT "qa_themes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kept_forms_user" ON "kept_forms" USING btree ("user_id","kept_at");--> statement-breakpoint
CREATE INDEX "qa_findings_audit" ON "qa_findings" USING btree ("audit_id");--> statement-breakpoint
CREATE INDEX "qa_findings_round" ON "qa_findings" USING btree ("organisation_id","round_id");--> statement-breakpoint
CREATE INDEX "qa_recommendation_evidence_rec" ON "qa_recommendation_evidence" USING btree ("organisation_id","recommendation_id");--> statement-breakpoint
CREATE INDEX "qa_thematic_recommendations_round" ON "qa_thematic_recommendations" USING btree ("organisation_id","round_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_themes_org_name" ON "qa_themes" USING btree ("organisation_id","name");