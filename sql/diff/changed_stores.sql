-- The stores that differ between two states of the warehouse (the state after batch :from_batch
-- and the one after :to_batch; see docs/compare.md): 'new' (only in the to-state), 'removed'
-- (only in the from-state) or 'changed' (some data column differs), old and new values side by
-- side. An id can only differ when a batch between the two brought a version of it, so the
-- states are read for those ids alone (:low_batch, :high_batch: the two batch ids in order).
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

from_state as (
    select * from versions
    where batch_id <= :from_batch and (replaced_by_batch is null or replaced_by_batch > :from_batch)
),

to_state as (
    select * from versions
    where batch_id <= :to_batch and (replaced_by_batch is null or replaced_by_batch > :to_batch)
),

final as (
    select
        coalesce(to_state.id, from_state.id) as id,
        case
            when from_state.id is null then 'new'
            when to_state.id is null then 'removed'
            else 'changed'
        end as change,
        from_state.name as old_name,
        to_state.name as new_name,
        from_state.address as old_address,
        to_state.address as new_address,
        from_state.city as old_city,
        to_state.city as new_city,
        from_state.country as old_country,
        to_state.country as new_country,
        from_state.created_at as old_created_at,
        to_state.created_at as new_created_at,
        from_state.typology as old_typology,
        to_state.typology as new_typology,
        from_state.customer_id as old_customer_id,
        to_state.customer_id as new_customer_id
    from from_state
    full outer join to_state on to_state.id = from_state.id
    where from_state.id is null
        or to_state.id is null
        or from_state.name is distinct from to_state.name
            or from_state.address is distinct from to_state.address
            or from_state.city is distinct from to_state.city
            or from_state.country is distinct from to_state.country
            or from_state.created_at is distinct from to_state.created_at
            or from_state.typology is distinct from to_state.typology
            or from_state.customer_id is distinct from to_state.customer_id
)

select * from final order by id
