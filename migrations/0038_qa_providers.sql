CREATE TABLE "qa_provider_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"visit_id" uuid NOT NULL,
	"area" text,
	"text" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"follow_up" text,
	"completed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_provider_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"results" jsonb NOT NULL,
	"summary" text NOT NULL,
	"visited_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"urn" text,
	"added_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "qa_provider_recommendations" ADD CONSTRAINT "qa_provider_recommendations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_provider_recommendations" ADD CONSTRAINT "qa_provider_recommendations_provider_id_qa_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."qa_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_provider_recommendations" ADD CONSTRAINT "qa_provider_recommendations_visit_id_qa_provider_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."qa_provider_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_provider_recommendations" ADD CONSTRAINT "qa_provider_recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_provider_visits" ADD CONSTRAINT "qa_provider_visits_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_provider_visits" ADD CONSTRAINT "qa_provider_visits_provider_id_qa_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."qa_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_provider_visits" ADD CONSTRAINT "qa_provider_visits_visited_by_users_id_fk" FOREIGN KEY ("visited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_providers" ADD CONSTRAINT "qa_providers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_providers" ADD CONSTRAINT "qa_providers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_provider_recommendations_provider" ON "qa_provider_recommendations" USING btree ("organisation_id","provider_id","status");--> statement-breakpoint
CREATE INDEX "qa_provider_visits_provider" ON "qa_provider_visits" USING btree ("organisation_id","provider_id","visited_on");--> statement-breakpoint
CREATE INDEX "qa_providers_org" ON "qa_providers" USING btree ("organisation_id","name");