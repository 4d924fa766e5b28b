-- PostgreSQL import: the copied devices rows upserted into raw_devices, as the SQLite upsert does
-- row by row: a repeated id in the file keeps its last line, the newest batch wins.
-- A row whose data columns are all unchanged is left untouched: its batch_id keeps naming the
-- batch that brought this version (load/postgres/keep_replaced_raw_* ran just before).
insert into raw_devices (
    id, type, store_id, batch_id, source_line
)
select distinct on (id)
    id, type, store_id, batch_id, source_line
from load_raw_devices
order by id, source_line desc
on conflict (id) do update set
    type = excluded.type,
    store_id = excluded.store_id,
    batch_id = excluded.batch_id,
    source_line = excluded.source_line
where raw_devices.type is distinct from excluded.type
    or raw_devices.store_id is distinct from excluded.store_id
