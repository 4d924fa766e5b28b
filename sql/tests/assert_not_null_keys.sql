-- Rows missing a key or a value every metric needs.
select 'transactions' as extract, transaction_id as id, 'device_id, amount, status or a timestamp' as missing
from {{ ref('stg_transactions') }}
where device_id is null or amount is null or status is null or created_at is null or happened_at is null
union all
select 'stores' as extract, store_id as id, 'created_at' as missing
from {{ ref('stg_stores') }}
where store_created_at is null
