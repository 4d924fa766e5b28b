-- Bulk load of one stores row (bound positionally by the loader); the latest batch wins.
insert into raw_stores (id, name, address, city, country, created_at, typology, customer_id, batch_id, source_line)
values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
on conflict (id) do update set
    name = excluded.name, address = excluded.address, city = excluded.city,
    country = excluded.country, created_at = excluded.created_at, typology = excluded.typology,
    customer_id = excluded.customer_id, batch_id = excluded.batch_id, source_line = excluded.source_line
