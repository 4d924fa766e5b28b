-- Drops a model's table before it is rebuilt (or replaced by a view).
drop table {{ relation }}
