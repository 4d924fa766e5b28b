-- PostgreSQL import, before merge_raw_devices.sql: each devices row the merge will overwrite with
-- different data moves to raw_devices_replaced with the batch that replaces it (what the SQLite
-- trigger warehouse/sqlite/keep_replaced_raw_devices.sql does). A repeated id in the file counts
-- with its last line, as in the merge; new ids find no row to join.
insert into raw_devices_replaced (
    id, type, store_id, batch_id, source_line, replaced_by_batch
)
with

loaded as (
    select distinct on (id) *
    from load_raw_devices
    order by id, source_line desc
),

final as (
    select
        raw_devices.id,
        raw_devices.type,
        raw_devices.store_id,
        raw_devices.batch_id,
        raw_devices.source_line,
        loaded.batch_id as replaced_by_batch
    from loaded
    join raw_devices on raw_devices.id = loaded.id
    where raw_devices.batch_id <> loaded.batch_id
        and (raw_devices.type is distinct from loaded.type
            or raw_devices.store_id is distinct from loaded.store_id)
)

select * from final
