-- PostgreSQL import: the copied stores rows upserted into raw_stores, as the SQLite upsert does
-- row by row: a repeated id in the file keeps its last line, the newest batch wins.
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
