-- A reader's share of the models lock of a team warehouse (lock 3), taken before its
-- repeatable-read transaction begins: it waits while an import rebuilds the models and commits,
-- so the reader's snapshot is taken after that commit. (Taken inside the transaction, the lock
-- would wait after the snapshot was fixed, and the reader would then find the rebuilt marts
-- empty: their rows belong to a transaction its snapshot cannot see.) Session-level: released
-- by unlock_models_shared.sql after the reader's commit, or when the connection ends.
select 1 from (select pg_advisory_lock_shared(7201, 3)) as locked
