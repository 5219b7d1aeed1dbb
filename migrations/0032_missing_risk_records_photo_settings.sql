CREATE TABLE "missing_grab_pack_photos" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_risk_assessments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"factors" jsonb NOT NULL,
	"summary" text NOT NULL,
	"actions" text,
	"review_on" date,
	"completed_on" date NOT NULL,
	"completed_by" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"repeat_episodes" integer NOT NULL,
	"repeat_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_trigger_plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"likelihood_factors" text NOT NULL,
	"protective_factors" text,
	"contacts" text,
	"seen_by_child" boolean NOT NULL,
	"seen_by_child_on" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missing_grab_pack_photos" ADD CONSTRAINT "missing_grab_pack_photos_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_grab_pack_photos" ADD CONSTRAINT "missing_grab_pack_photos_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_risk_assessments" ADD CONSTRAINT "missing_risk_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_risk_assessments" ADD CONSTRAINT "missing_risk_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_settings" ADD CONSTRAINT "missing_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_settings" ADD CONSTRAINT "missing_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_trigger_plans" ADD CONSTRAINT "missing_trigger_plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_trigger_plans" ADD CONSTRAINT "missing_trigger_plans_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_grab_pack_photos_person" ON "missing_grab_pack_photos" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "missing_risk_assessments_person" ON "missing_risk_assessments" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "missing_trigger_plans_person" ON "missing_trigger_plans" USING btree ("organisation_id","person_id");