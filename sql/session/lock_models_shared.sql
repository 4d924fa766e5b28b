-- A reader's share of the models lock: nothing to take on SQLite (see lock_models_shared.postgres.sql).
select 1
