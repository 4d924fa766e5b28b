-- Bulk load of one devices row (bound positionally by the loader); the latest batch wins.
-- A row whose data columns are all unchanged is left untouched: its batch_id keeps naming the
-- batch that brought this version (sql/diff/ reads states from it; new ids pay nothing).
insert into raw_devices (id, type, store_id, batch_id, source_line)
values (?1, ?2, ?3, ?4, ?5)
on conflict (id) do update set
    type = excluded.type, store_id = excluded.store_id,
    batch_id = excluded.batch_id, source_line = excluded.source_line
where raw_devices.type is not excluded.type
    or raw_devices.store_id is not excluded.store_id
