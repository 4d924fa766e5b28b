-- Bulk load of a batch of rows (load_rows: the loader's values by position, see
-- app/core/warehouse/BatchRows.h); the latest batch wins, row by row in file order.
-- A row whose data columns are all unchanged is left untouched: its batch_id keeps naming the
-- batch that brought this version (sql/diff/ reads states from it; new ids pay nothing).
insert into raw_devices (id, type, store_id, batch_id, source_line)
select v1, v2, v3, v4, v5
-- "where true" lets the upsert clause follow a select (SQLite parsing)
from load_rows(?1) where true
on conflict (id) do update set
    type = excluded.type, store_id = excluded.store_id,
    batch_id = excluded.batch_id, source_line = excluded.source_line
where raw_devices.type is not excluded.type
    or raw_devices.store_id is not excluded.store_id
