-- Bulk load of a batch of rows (load_rows: the loader's values by position, see
-- app/core/warehouse/BatchRows.h); the latest batch wins, row by row in file order.
-- A row whose data columns are all unchanged is left untouched: its batch_id keeps naming the
-- batch that brought this version (sql/diff/ reads states from it; new ids pay nothing).
-- What a degraded copy lost never overwrites what is stored: a SKU in a spreadsheet's scientific
-- notation (sku_kind 2, digits lost for good) keeps a whole stored SKU, and a row without card
-- data (the column is gone from a re-saved extract) keeps the stored last four digits.
-- There is no cvv column: the loader never reads it out of the CSV buffer.
insert into raw_transactions (
    id, device_id, product_name, product_sku, sku_kind, category_name, amount, status,
    card_last4, created_at, happened_at, batch_id, source_line
)
select v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13
-- "where true" lets the upsert clause follow a select (SQLite parsing)
from load_rows(?1) where true
on conflict (id) do update set
    device_id = excluded.device_id, product_name = excluded.product_name,
    product_sku = case when excluded.sku_kind = 2 and raw_transactions.sku_kind <> 2
        then raw_transactions.product_sku else excluded.product_sku end,
    sku_kind = case when excluded.sku_kind = 2 and raw_transactions.sku_kind <> 2
        then raw_transactions.sku_kind else excluded.sku_kind end,
    category_name = excluded.category_name, amount = excluded.amount, status = excluded.status,
    card_last4 = coalesce(excluded.card_last4, raw_transactions.card_last4), created_at = excluded.created_at,
    happened_at = excluded.happened_at, batch_id = excluded.batch_id, source_line = excluded.source_line
where raw_transactions.device_id is not excluded.device_id
    or raw_transactions.product_name is not excluded.product_name
    or ((raw_transactions.product_sku is not excluded.product_sku or raw_transactions.sku_kind is not excluded.sku_kind)
        and not (excluded.sku_kind = 2 and raw_transactions.sku_kind <> 2))
    or raw_transactions.category_name is not excluded.category_name
    or raw_transactions.amount is not excluded.amount
    or raw_transactions.status is not excluded.status
    or (excluded.card_last4 is not null and raw_transactions.card_last4 is not excluded.card_last4)
    or raw_transactions.created_at is not excluded.created_at
    or raw_transactions.happened_at is not excluded.happened_at
