-- Bulk load of one transactions row (bound positionally by the loader); the latest batch wins.
-- There is no cvv column: the loader never reads it out of the CSV buffer.
insert into raw_transactions (
    id, device_id, product_name, product_sku, sku_kind, category_name, amount, status,
    card_last4, created_at, happened_at, batch_id, source_line
)
values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
on conflict (id) do update set
    device_id = excluded.device_id, product_name = excluded.product_name,
    product_sku = excluded.product_sku, sku_kind = excluded.sku_kind,
    category_name = excluded.category_name, amount = excluded.amount, status = excluded.status,
    card_last4 = excluded.card_last4, created_at = excluded.created_at,
    happened_at = excluded.happened_at, batch_id = excluded.batch_id, source_line = excluded.source_line
