CREATE TABLE "qa_calendar_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"frequency" text NOT NULL,
	"months" integer[] NOT NULL,
	"due_day" integer NOT NULL,
	"owner_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "qa_calendar_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"completed_on" date,
	"completed_by" uuid,
	"evidence" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"observer_id" uuid NOT NULL,
	"observed_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"observed_role" text NOT NULL,
	"observed_on" date NOT NULL,
	"setting" text NOT NULL,
	"went_well" text NOT NULL,
	"even_better_if" text NOT NULL,
	"agreed_learning" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "qa_calendar_activities" ADD CONSTRAINT "qa_calendar_activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_activities" ADD CONSTRAINT "qa_calendar_activities_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_activities" ADD CONSTRAINT "qa_calendar_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_items" ADD CONSTRAINT "qa_calendar_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_items" ADD CONSTRAINT "qa_calendar_items_activity_id_qa_calendar_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."qa_calendar_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_items" ADD CONSTRAINT "qa_calendar_items_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_observer_id_users_id_fk" FOREIGN KEY ("observer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_observed_id_users_id_fk" FOREIGN KEY ("observed_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_observations" ADD CONSTRAINT "qa_observations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_calendar_activities_org" ON "qa_calendar_activities" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_calendar_items_activity_due" ON "qa_calendar_items" USING btree ("activity_id","due_date");--> statement-breakpoint
CREATE INDEX "qa_calendar_items_org_due" ON "qa_calendar_items" USING btree ("organisation_id","due_date");--> statement-breakpoint
CREATE INDEX "qa_observations_org_date" ON "qa_observations" USING btree ("organisation_id","observed_on");--> statement-breakpoint
CREATE INDEX "qa_observations_observed" ON "qa_observations" USING btree ("organisation_id","observed_id");