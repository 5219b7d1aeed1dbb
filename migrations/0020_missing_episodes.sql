CREATE TABLE "missing_episode_types" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"ssd_source_id" text,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone,
	"where_found" text,
	"type" text NOT NULL,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"police_reference" text,
	"police_risk" text,
	"high_risk_circumstances" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"with_whom" text,
	"police_told_at" timestamp with time zone,
	"ad_told_at" timestamp with time zone,
	"lead_member_told_at" timestamp with time zone,
	"social_worker_contact_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_grab_packs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"description" text NOT NULL,
	"contacts" text,
	"places" text,
	"associates" text,
	"other_details" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_locate_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"contacted" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_return_interviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"offered_at" timestamp with time zone,
	"offered_by" text,
	"independent" boolean,
	"response" text,
	"responded_on" date,
	"social_worker_offered" boolean,
	"completed_on" date,
	"completed_by" text,
	"child_account" text,
	"push_factors" text,
	"pull_factors" text,
	"where_went" text,
	"with_whom" text,
	"exploitation_concerns" text,
	"actions" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_strategy_meetings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"episode_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"chair" text NOT NULL,
	"attendees" text,
	"decisions" text NOT NULL,
	"next_date" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "missing_episode_types" ADD CONSTRAINT "missing_episode_types_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episode_types" ADD CONSTRAINT "missing_episode_types_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episode_types" ADD CONSTRAINT "missing_episode_types_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_grab_packs" ADD CONSTRAINT "missing_grab_packs_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_grab_packs" ADD CONSTRAINT "missing_grab_packs_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_locate_attempts" ADD CONSTRAINT "missing_locate_attempts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_locate_attempts" ADD CONSTRAINT "missing_locate_attempts_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_locate_attempts" ADD CONSTRAINT "missing_locate_attempts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_return_interviews" ADD CONSTRAINT "missing_return_interviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_return_interviews" ADD CONSTRAINT "missing_return_interviews_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_return_interviews" ADD CONSTRAINT "missing_return_interviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_strategy_meetings" ADD CONSTRAINT "missing_strategy_meetings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_strategy_meetings" ADD CONSTRAINT "missing_strategy_meetings_episode_id_missing_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."missing_episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_strategy_meetings" ADD CONSTRAINT "missing_strategy_meetings_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_episode_types_episode" ON "missing_episode_types" USING btree ("organisation_id","episode_id");--> statement-breakpoint
CREATE INDEX "missing_episodes_org_person" ON "missing_episodes" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "missing_episodes_org_open" ON "missing_episodes" USING btree ("organisation_id") WHERE end_at is null;--> statement-breakpoint
CREATE INDEX "missing_grab_packs_person" ON "missing_grab_packs" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "missing_locate_attempts_episode" ON "missing_locate_attempts" USING btree ("organisation_id","episode_id");--> statement-breakpoint
CREATE INDEX "missing_return_interviews_episode" ON "missing_return_interviews" USING btree ("organisation_id","episode_id");--> statement-breakpoint
CREATE INDEX "missing_strategy_meetings_episode" ON "missing_strategy_meetings" USING btree ("organisation_id","episode_id");