-- PostgreSQL import: the copied transactions rows upserted into raw_transactions, as the SQLite upsert does
-- row by row: a repeated id in the file keeps its last line, the newest batch wins.
insert into raw_transactions (
    id, device_id, product_name, product_sku, sku_kind, category_name, amount, status,
    card_last4, created_at, happened_at, batch_id, source_line
)
select distinct on (id)
    id, device_id, product_name, product_sku, sku_kind, category_name, amount, status,
    card_last4, created_at, happened_at, batch_id, source_line
from load_raw_transactions
order by id, source_line desc
on conflict (id) do update set
    device_id = excluded.device_id,
    product_name = excluded.product_name,
    product_sku = excluded.product_sku,
    sku_kind = excluded.sku_kind,
    category_name = excluded.category_name,
    amount = excluded.amount,
    status = excluded.status,
    card_last4 = excluded.card_last4,
    created_at = excluded.created_at,
    happened_at = excluded.happened_at,
    batch_id = excluded.batch_id,
    source_line = excluded.source_line
