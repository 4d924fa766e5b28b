-- The raw_devices rows of the warehouse as it stood after batch :batch (docs/compare.md): the
-- version of each id brought by that batch or an earlier one and not replaced by then. Columns
-- in the order of load/upsert_raw_devices.sql, which writes them into the state's own warehouse.
with

versions as (
    select id, type, store_id, batch_id, source_line, cast(null as bigint) as replaced_by_batch
    from raw_devices
    union all
    select id, type, store_id, batch_id, source_line, replaced_by_batch
    from raw_devices_replaced
),

final as (
    select id, type, store_id, batch_id, source_line
    from versions
    where batch_id <= :batch and (replaced_by_batch is null or replaced_by_batch > :batch)
)

select * from final order by id
