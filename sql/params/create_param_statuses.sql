-- The status filter as a temporary table, so metric queries stay portable
-- ("status in (select status from param_statuses)") and values stay bound.
create temporary table if not exists param_statuses (status text primary key)
