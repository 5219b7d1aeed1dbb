-- Rows of a running import on their way to the register: nothing in them outlives a crash
-- (start-up removes what a dead import left), so they skip the write-ahead log.
ALTER TABLE "case_import_staging" SET UNLOGGED;
