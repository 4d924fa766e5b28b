-- PostgreSQL import: the copied stores rows upserted into raw_stores, as the SQLite upsert does
-- row by row: a repeated id in the file keeps its last line, the newest batch wins.
-- A row whose data columns are all unchanged is left untouched: its batch_id keeps naming the
-- batch that brought this version (load/postgres/keep_replaced_raw_* ran just before).
insert into raw_stores (
    id, name, address, city, country, created_at, typology, customer_id, batch_id, source_line
)
select distinct on (id)
    id, name, address, city, country, created_at, typology, customer_id, batch_id, source_line
from load_raw_stores
order by id, source_line desc
on conflict (id) do update set
    name = excluded.name,
    address = excluded.address,
    city = excluded.city,
    country = excluded.country,
    created_at = excluded.created_at,
    typology = excluded.typology,
    customer_id = excluded.customer_id,
    batch_id = excluded.batch_id,
    source_line = excluded.source_line
where raw_stores.name is distinct from excluded.name
    or raw_stores.address is distinct from excluded.address
    or raw_stores.city is distinct from excluded.city
    or raw_stores.country is distinct from excluded.country
    or raw_stores.created_at is distinct from excluded.created_at
    or raw_stores.typology is distinct from excluded.typology
    or raw_stores.customer_id is distinct from excluded.customer_id
