-- Drops a model's view before it is rebuilt (or replaced by a table).
drop view {{ relation }}
