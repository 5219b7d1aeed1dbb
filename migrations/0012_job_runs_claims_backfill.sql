-- Rows written before daily jobs were claimed: fill in what the claim index needs, so a job that already
-- ran today is not run again after the upgrade. Only the latest row of each job, organisation and day
-- (two processes may once have run the same job together), and only where the name is "<job>:<org id>".
WITH "latest" AS (
  SELECT max("id") AS "id", split_part("name", ':', 1) AS "job",
         split_part("name", ':', 2)::uuid AS "organisation_id", "detail"::date AS "run_on"
  FROM "job_runs"
  WHERE "job" IS NULL
    AND "name" ~ '^[^:]+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    AND "detail" ~ '^\d{4}-\d{2}-\d{2}$'
  GROUP BY "name", "detail"
)
UPDATE "job_runs" AS r
SET "job" = l."job", "organisation_id" = l."organisation_id", "run_on" = l."run_on"
FROM "latest" AS l
WHERE r."id" = l."id"
  AND EXISTS (SELECT 1 FROM "organisations" o WHERE o."id" = l."organisation_id");
