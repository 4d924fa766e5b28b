-- The import lock of a team warehouse, held until the import's transaction ends. A second
-- import is refused (0) rather than queued behind a load that may take minutes.
select case when pg_try_advisory_xact_lock(7201, 2) then 1 else 0 end
