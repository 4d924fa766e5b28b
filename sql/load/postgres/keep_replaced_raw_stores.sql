-- PostgreSQL import, before merge_raw_stores.sql: each stores row the merge will overwrite with
-- different data moves to raw_stores_replaced with the batch that replaces it (what the SQLite
-- trigger warehouse/sqlite/keep_replaced_raw_stores.sql does). A repeated id in the file counts
-- with its last line, as in the merge; new ids find no row to join.
insert into raw_stores_replaced (
    id, name, address, city, country, created_at, typology, customer_id, batch_id, source_line, replaced_by_batch
)
with

loaded as (
    select distinct on (id) *
    from load_raw_stores
    order by id, source_line desc
),

final as (
    select
        raw_stores.id,
        raw_stores.name,
        raw_stores.address,
        raw_stores.city,
        raw_stores.country,
        raw_stores.created_at,
        raw_stores.typology,
        raw_stores.customer_id,
        raw_stores.batch_id,
        raw_stores.source_line,
        loaded.batch_id as replaced_by_batch
    from loaded
    join raw_stores on raw_stores.id = loaded.id
    where raw_stores.batch_id <> loaded.batch_id
        and (raw_stores.name is distinct from loaded.name
            or raw_stores.address is distinct from loaded.address
            or raw_stores.city is distinct from loaded.city
            or raw_stores.country is distinct from loaded.country
            or raw_stores.created_at is distinct from loaded.created_at
            or raw_stores.typology is distinct from loaded.typology
            or raw_stores.customer_id is distinct from loaded.customer_id)
)

select * from final
