CREATE TABLE "early_help_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"set_on" date NOT NULL,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "early_help_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"scored_on" date NOT NULL,
	"score" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "early_help_goals" ADD CONSTRAINT "early_help_goals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_goals" ADD CONSTRAINT "early_help_goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_scores" ADD CONSTRAINT "early_help_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_scores" ADD CONSTRAINT "early_help_scores_goal_id_early_help_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."early_help_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_help_scores" ADD CONSTRAINT "early_help_scores_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "early_help_goals_person" ON "early_help_goals" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "early_help_goals_closed" ON "early_help_goals" USING btree ("organisation_id","closed_on");--> statement-breakpoint
CREATE INDEX "early_help_scores_goal" ON "early_help_scores" USING btree ("organisation_id","goal_id","scored_on");