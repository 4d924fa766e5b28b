-- The store ids alone (their slots): all the rows of a delta snapshot need (core/dim_stores.sql).
select store_id
from dim_stores
order by store_id
