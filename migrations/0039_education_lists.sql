CREATE TABLE "missing_education_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"list" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"ended_by" uuid
);
--> statement-breakpoint
ALTER TABLE "missing_education_list_entries" ADD CONSTRAINT "missing_education_list_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_education_list_entries" ADD CONSTRAINT "missing_education_list_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_education_list_entries" ADD CONSTRAINT "missing_education_list_entries_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_education_list_entries_org" ON "missing_education_list_entries" USING btree ("organisation_id","list","person_id");