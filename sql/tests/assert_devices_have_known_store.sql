-- Devices whose store_id is not in the stores extract.
select device_id, store_id
from {{ ref('dim_devices') }}
where store_known = 0
