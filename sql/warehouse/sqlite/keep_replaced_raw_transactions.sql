-- SQLite only (one statement per file, run whole): before an upsert overwrites a transaction
-- with different data brought by a later batch, its old version moves to
-- raw_transactions_replaced (card data as raw keeps it: the last four digits, no CVV).
create trigger if not exists keep_replaced_raw_transactions
before update on raw_transactions
for each row
when old.batch_id <> new.batch_id
    and (old.device_id is not new.device_id or old.product_name is not new.product_name
        or old.product_sku is not new.product_sku or old.sku_kind is not new.sku_kind
        or old.category_name is not new.category_name or old.amount is not new.amount
        or old.status is not new.status or old.card_last4 is not new.card_last4
        or old.created_at is not new.created_at or old.happened_at is not new.happened_at)
begin
    insert into raw_transactions_replaced (
        id, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4,
        created_at, happened_at, batch_id, source_line, replaced_by_batch
    )
    values (
        old.id, old.device_id, old.product_name, old.product_sku, old.sku_kind, old.category_name, old.amount,
        old.status, old.card_last4, old.created_at, old.happened_at, old.batch_id, old.source_line, new.batch_id
    );
end
