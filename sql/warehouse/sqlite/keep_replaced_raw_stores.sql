-- SQLite only (one statement per file, run whole): before an upsert overwrites a store with
-- different data brought by a later batch, its old version moves to raw_stores_replaced.
-- Fires only on updates, so new ids cost nothing; an id repeated within one batch keeps only
-- the version the batch found (its intermediate lines were never a state of the warehouse).
create trigger if not exists keep_replaced_raw_stores
before update on raw_stores
for each row
when old.batch_id <> new.batch_id
    and (old.name is not new.name or old.address is not new.address or old.city is not new.city
        or old.country is not new.country or old.created_at is not new.created_at
        or old.typology is not new.typology or old.customer_id is not new.customer_id)
begin
    insert into raw_stores_replaced (
        id, name, address, city, country, created_at, typology, customer_id, batch_id, source_line, replaced_by_batch
    )
    values (
        old.id, old.name, old.address, old.city, old.country, old.created_at, old.typology, old.customer_id,
        old.batch_id, old.source_line, new.batch_id
    );
end
