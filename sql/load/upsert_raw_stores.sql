-- Bulk load of a batch of rows (load_rows: the loader's values by position, see
-- app/core/warehouse/BatchRows.h); the latest batch wins, row by row in file order.
-- A row whose data columns are all unchanged is left untouched: its batch_id keeps naming the
-- batch that brought this version (sql/diff/ reads states from it; new ids pay nothing).
insert into raw_stores (id, name, address, city, country, created_at, typology, customer_id, batch_id, source_line)
select v1, v2, v3, v4, v5, v6, v7, v8, v9, v10
-- "where true" lets the upsert clause follow a select (SQLite parsing)
from load_rows(?1) where true
on conflict (id) do update set
    name = excluded.name, address = excluded.address, city = excluded.city,
    country = excluded.country, created_at = excluded.created_at, typology = excluded.typology,
    customer_id = excluded.customer_id, batch_id = excluded.batch_id, source_line = excluded.source_line
where raw_stores.name is not excluded.name
    or raw_stores.address is not excluded.address
    or raw_stores.city is not excluded.city
    or raw_stores.country is not excluded.country
    or raw_stores.created_at is not excluded.created_at
    or raw_stores.typology is not excluded.typology
    or raw_stores.customer_id is not excluded.customer_id
