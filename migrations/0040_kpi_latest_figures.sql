CREATE TABLE "kpi_latest_figures" (
	"organisation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"quarter" date NOT NULL,
	"value" double precision,
	"rag" text,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_latest_figures" ADD CONSTRAINT "kpi_latest_figures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_latest_figures_key" ON "kpi_latest_figures" USING btree ("organisation_id","code");