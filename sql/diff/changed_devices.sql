-- The devices that differ between two states of the warehouse (the state after batch :from_batch
-- and the one after :to_batch; see docs/compare.md): 'new' (only in the to-state), 'removed'
-- (only in the from-state) or 'changed' (some data column differs), old and new values side by
-- side. An id can only differ when a batch between the two brought a version of it, so the
-- states are read for those ids alone (:low_batch, :high_batch: the two batch ids in order).
with

touched as (
    select id from raw_devices where batch_id > :low_batch and batch_id <= :high_batch
    union
    select id from raw_devices_replaced where batch_id > :low_batch and batch_id <= :high_batch
),

versions as (
    select id, type, store_id, batch_id, cast(null as bigint) as replaced_by_batch
    from raw_devices
    where id in (select touched.id from touched)
    union all
    select id, type, store_id, batch_id, replaced_by_batch
    from raw_devices_replaced
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
        from_state.type as old_type,
        to_state.type as new_type,
        from_state.store_id as old_store_id,
        to_state.store_id as new_store_id
    from from_state
    full outer join to_state on to_state.id = from_state.id
    where from_state.id is null
        or to_state.id is null
        or from_state.type is distinct from to_state.type
            or from_state.store_id is distinct from to_state.store_id
)

select * from final order by id
