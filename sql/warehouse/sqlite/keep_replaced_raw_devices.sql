-- SQLite only (one statement per file, run whole): before an upsert overwrites a device with
-- different data brought by a later batch, its old version moves to raw_devices_replaced.
create trigger if not exists keep_replaced_raw_devices
before update on raw_devices
for each row
when old.batch_id <> new.batch_id
    and (old.type is not new.type or old.store_id is not new.store_id)
begin
    insert into raw_devices_replaced (id, type, store_id, batch_id, source_line, replaced_by_batch)
    values (old.id, old.type, old.store_id, old.batch_id, old.source_line, new.batch_id);
end
