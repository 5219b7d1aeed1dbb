ALTER TABLE "users" ADD COLUMN "pending_role" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "pending_role_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "pending_role_requested_at" timestamp with time zone;