-- Releases a reader's share of the models lock: nothing was taken on SQLite.
select 1
