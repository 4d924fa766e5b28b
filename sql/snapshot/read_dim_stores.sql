-- The columnar snapshot's stores, read column by column in this order (ColumnarLoad.cpp):
-- keep it in step with core/dim_stores.sql.
select store_id, store_name, typology, country, customer_id, store_created_at
from dim_stores
order by store_id
