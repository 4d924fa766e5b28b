-- Transactions recorded (created_at) before they happened (happened_at).
select transaction_id, happened_at, created_at
from {{ ref('stg_transactions') }}
where created_at < happened_at
