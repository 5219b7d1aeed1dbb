CREATE TABLE "case_import_staging" (
	"import_id" uuid NOT NULL,
	"part" smallint NOT NULL,
	"seq" integer NOT NULL,
	"new_id" uuid NOT NULL,
	"row_hash" text NOT NULL,
	"v" text[] NOT NULL,
	CONSTRAINT "case_import_staging_import_id_part_seq_pk" PRIMARY KEY("import_id","part","seq")
);
