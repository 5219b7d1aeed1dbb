ALTER TABLE "case_chronology_notes" ADD COLUMN "event_date" date NOT NULL;--> statement-breakpoint
ALTER TABLE "case_chronology_notes" ADD COLUMN "event_title" text NOT NULL;