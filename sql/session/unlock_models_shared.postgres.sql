-- Releases a reader's share of the models lock (lock_models_shared.postgres.sql).
select 1 from (select pg_advisory_unlock_shared(7201, 3)) as unlocked
