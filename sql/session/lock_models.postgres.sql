-- An import rebuilding the models of a team warehouse holds lock 3 exclusively until it
-- commits: readers (lock_models_shared) wait for the new models instead of meeting dropped ones.
select 1 from (select pg_advisory_xact_lock(7201, 3)) as locked
