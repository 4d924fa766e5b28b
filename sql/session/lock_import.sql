-- The import lock: SQLite's "begin immediate" already holds the write lock (1 = granted).
select 1
