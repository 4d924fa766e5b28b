-- PostgreSQL import: the copied transactions rows upserted into raw_transactions, as the SQLite upsert does
-- row by row: a repeated id in the file keeps its last line, the newest batch wins.
-- A row whose data columns are all unchanged is left untouched: its batch_id keeps naming the
-- batch that brought this version (load/postgres/keep_replaced_raw_* ran just before).
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
where raw_transactions.device_id is distinct from excluded.device_id
    or raw_transactions.product_name is distinct from excluded.product_name
    or raw_transactions.product_sku is distinct from excluded.product_sku
    or raw_transactions.sku_kind is distinct from excluded.sku_kind
    or raw_transactions.category_name is distinct from excluded.category_name
    or raw_transactions.amount is distinct from excluded.amount
    or raw_transactions.status is distinct from excluded.status
    or raw_transactions.card_last4 is distinct from excluded.card_last4
    or raw_transactions.created_at is distinct from excluded.created_at
    or raw_transactions.happened_at is distinct from excluded.happened_at
