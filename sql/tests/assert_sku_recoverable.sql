-- Transactions whose SKU a spreadsheet turned into scientific notation (digits lost for good).
select transaction_id, product_sku
from {{ ref('stg_transactions') }}
where sku_kind = 2
