-- Store versions sharing a store and a valid_from (the history's key).
select store_id, valid_from, count(*) as versions
from {{ ref('dim_stores_history') }}
group by store_id, valid_from
having count(*) > 1
