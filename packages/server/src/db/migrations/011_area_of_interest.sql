-- A process's area of interest: the closed ring its lines are compared in (see domain/lines/process-area.ts).
-- Given when the process is opened, with it in the process's first log entry; null when none was given.
alter table processes add column area_of_interest jsonb;
