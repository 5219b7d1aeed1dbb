CREATE TABLE "missing_cme_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school" text NOT NULL,
	"reported_on" date NOT NULL,
	"reporter_kind" text NOT NULL,
	"reported_by" text NOT NULL,
	"first_absent_on" date NOT NULL,
	"reason" text NOT NULL,
	"reason_details" text,
	"parents_contacted_on" date,
	"recontact_on" date,
	"dsl_told_on" date,
	"home_visit_on" date,
	"cme_officer_told_on" date,
	"police_welfare_check_on" date,
	"outcome" text,
	"located_on" date,
	"off_roll_on" date,
	"records_transferred_on" date,
	"closed_on" date,
	"next_due_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missing_cme_enquiries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"made_on" date NOT NULL,
	"contacted" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "missing_cme_cases" ADD CONSTRAINT "missing_cme_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_cme_cases" ADD CONSTRAINT "missing_cme_cases_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_cme_enquiries" ADD CONSTRAINT "missing_cme_enquiries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_cme_enquiries" ADD CONSTRAINT "missing_cme_enquiries_case_id_missing_cme_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."missing_cme_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_cme_enquiries" ADD CONSTRAINT "missing_cme_enquiries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_education_list_entries" ADD CONSTRAINT "missing_education_list_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_education_list_entries" ADD CONSTRAINT "missing_education_list_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_education_list_entries" ADD CONSTRAINT "missing_education_list_entries_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_cme_cases_org_person" ON "missing_cme_cases" USING btree ("organisation_id","person_id");--> statement-breakpoint
CREATE INDEX "missing_cme_cases_org_open" ON "missing_cme_cases" USING btree ("organisation_id","next_due_on") WHERE closed_on is null;--> statement-breakpoint
CREATE INDEX "missing_cme_enquiries_case" ON "missing_cme_enquiries" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "missing_education_list_entries_org" ON "missing_education_list_entries" USING btree ("organisation_id","list","person_id");