-- The columnar snapshot's rows, in this column order and in id order (ColumnarLoad.cpp):
-- keep it in step with staging/stg_transactions.sql. sku_kind 2 is a spreadsheet-mangled SKU.
select device_id, product_sku, product_name, sku_kind, amount, status, created_at, happened_at
from stg_transactions
order by transaction_id
