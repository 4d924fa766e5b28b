-- Serialises schema scripts between clients. SQLite's "begin immediate" already holds the
-- write lock, so this only answers a row there (see lock_schema.postgres.sql).
select 1
