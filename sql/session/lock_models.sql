-- An import's hold on the models lock: nothing to take on SQLite (see lock_models.postgres.sql).
select 1
