-- Bulk load of one devices row (bound positionally by the loader); the latest batch wins.
insert into raw_devices (id, type, store_id, batch_id, source_line)
values (?1, ?2, ?3, ?4, ?5)
on conflict (id) do update set
    type = excluded.type, store_id = excluded.store_id,
    batch_id = excluded.batch_id, source_line = excluded.source_line
