-- Transactions whose device_id is not in the devices extract (left out of store metrics).
select transaction_id, device_id
from {{ ref('fct_transactions') }}
where device_known = 0
