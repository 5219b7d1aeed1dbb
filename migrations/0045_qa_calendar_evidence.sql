CREATE TABLE "qa_calendar_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid
);
--> statement-breakpoint
ALTER TABLE "qa_calendar_evidence" ADD CONSTRAINT "qa_calendar_evidence_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_evidence" ADD CONSTRAINT "qa_calendar_evidence_item_id_qa_calendar_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."qa_calendar_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_calendar_evidence" ADD CONSTRAINT "qa_calendar_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "qa_calendar_evidence_item" ON "qa_calendar_evidence" USING btree ("organisation_id","item_id");