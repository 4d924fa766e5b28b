-- The stores that differ between two states of the warehouse (the state after batch :from_batch
-- and the one after :to_batch; see docs/compare.md): 'new' (only in the to-state), 'removed'
-- (only in the from-state) or 'changed' (some data column differs), old and new values side by
-- side. An id can only differ when a batch between the two brought a version of it, so the
-- states are read for those ids alone (:low_batch, :high_batch: the two batch ids in order).
-- The two states are paired by grouping on id (a sort), not by a join, so a million changed
-- ids cost seconds on SQLite, which has no hash join.
with

touched as (
    select id from raw_stores where batch_id > :low_batch and batch_id <= :high_batch
    union
    select id from raw_stores_replaced where batch_id > :low_batch and batch_id <= :high_batch
),

versions as (
    select id, name, address, city, country, created_at, typology, customer_id, batch_id, cast(null as bigint) as replaced_by_batch
    from raw_stores
    where id in (select touched.id from touched)
    union all
    select id, name, address, city, country, created_at, typology, customer_id, batch_id, replaced_by_batch
    from raw_stores_replaced
    where id in (select touched.id from touched)
),

sides as (
    select id, 1 as in_from, 0 as in_to, name, address, city, country, created_at, typology, customer_id
    from versions
    where batch_id <= :from_batch and (replaced_by_batch is null or replaced_by_batch > :from_batch)
    union all
    select id, 0 as in_from, 1 as in_to, name, address, city, country, created_at, typology, customer_id
    from versions
    where batch_id <= :to_batch and (replaced_by_batch is null or replaced_by_batch > :to_batch)
),

paired as (
    select
        id,
        max(in_from) as in_from,
        max(in_to) as in_to,
        max(case when in_from = 1 then name end) as old_name,
        max(case when in_to = 1 then name end) as new_name,
        max(case when in_from = 1 then address end) as old_address,
        max(case when in_to = 1 then address end) as new_address,
        max(case when in_from = 1 then city end) as old_city,
        max(case when in_to = 1 then city end) as new_city,
        max(case when in_from = 1 then country end) as old_country,
        max(case when in_to = 1 then country end) as new_country,
        max(case when in_from = 1 then created_at end) as old_created_at,
        max(case when in_to = 1 then created_at end) as new_created_at,
        max(case when in_from = 1 then typology end) as old_typology,
        max(case when in_to = 1 then typology end) as new_typology,
        max(case when in_from = 1 then customer_id end) as old_customer_id,
        max(case when in_to = 1 then customer_id end) as new_customer_id
    from sides
    group by id
),

final as (
    select
        id,
        case
            when in_from = 0 then 'new'
            when in_to = 0 then 'removed'
            else 'changed'
        end as change,
        old_name,
        new_name,
        old_address,
        new_address,
        old_city,
        new_city,
        old_country,
        new_country,
        old_created_at,
        new_created_at,
        old_typology,
        new_typology,
        old_customer_id,
        new_customer_id
    from paired
    where in_from = 0
        or in_to = 0
        or old_name is distinct from new_name
        or old_address is distinct from new_address
        or old_city is distinct from new_city
        or old_country is distinct from new_country
        or old_created_at is distinct from new_created_at
        or old_typology is distinct from new_typology
        or old_customer_id is distinct from new_customer_id
)

select * from final order by id
