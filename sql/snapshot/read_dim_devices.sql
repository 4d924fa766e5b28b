-- The columnar snapshot's devices, in this column order (ColumnarLoad.cpp): keep it in step with core/dim_devices.sql.
select device_id, device_type, store_id, store_known
from dim_devices
