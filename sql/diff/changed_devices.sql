-- The devices that differ between two states of the warehouse (the state after batch :from_batch
-- and the one after :to_batch; see docs/compare.md): 'new' (only in the to-state), 'removed'
-- (only in the from-state) or 'changed' (some data column differs), old and new values side by
-- side. An id can only differ when a batch between the two brought a version of it, so the
-- states are read for those ids alone (:low_batch, :high_batch: the two batch ids in order).
-- The two states are paired by grouping on id (a sort), not by a join, so a million changed
-- ids cost seconds on SQLite, which has no hash join.
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

sides as (
    select id, 1 as in_from, 0 as in_to, type, store_id
    from versions
    where batch_id <= :from_batch and (replaced_by_batch is null or replaced_by_batch > :from_batch)
    union all
    select id, 0 as in_from, 1 as in_to, type, store_id
    from versions
    where batch_id <= :to_batch and (replaced_by_batch is null or replaced_by_batch > :to_batch)
),

paired as (
    select
        id,
        max(in_from) as in_from,
        max(in_to) as in_to,
        max(case when in_from = 1 then type end) as old_type,
        max(case when in_to = 1 then type end) as new_type,
        max(case when in_from = 1 then store_id end) as old_store_id,
        max(case when in_to = 1 then store_id end) as new_store_id
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
        old_type,
        new_type,
        old_store_id,
        new_store_id
    from paired
    where in_from = 0
        or in_to = 0
        or old_type is distinct from new_type
        or old_store_id is distinct from new_store_id
)

select * from final order by id
