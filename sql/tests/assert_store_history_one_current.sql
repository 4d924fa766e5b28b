-- Stores without exactly one current version in their history.
select stores.store_id, count(history.store_id) as current_versions
from {{ ref('dim_stores') }} as stores
left join {{ ref('dim_stores_history') }} as history
    on history.store_id = stores.store_id and history.is_current = 1
group by stores.store_id
having count(history.store_id) <> 1
