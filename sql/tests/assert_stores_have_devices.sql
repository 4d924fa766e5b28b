-- Stores without any device: they can never have transactions.
select store_id, store_name
from {{ ref('dim_stores') }}
where devices = 0
