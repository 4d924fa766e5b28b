-- Transactions that happened before their store was created (common in this data: reported, kept).
select transactions.transaction_id, transactions.store_id, transactions.happened_at, stores.store_created_at
from {{ ref('fct_transactions') }} as transactions
join {{ ref('dim_stores') }} as stores on stores.store_id = transactions.store_id
where transactions.happened_at < stores.store_created_at
