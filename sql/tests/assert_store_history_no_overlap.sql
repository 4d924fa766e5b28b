-- Two versions of one store whose validity ranges overlap, or a version ending where it starts.
select earlier.store_id, earlier.valid_from, earlier.valid_to, later.valid_from as later_valid_from
from {{ ref('dim_stores_history') }} as earlier
join {{ ref('dim_stores_history') }} as later
    on later.store_id = earlier.store_id and later.version_no > earlier.version_no
where earlier.valid_to is null or earlier.valid_to > later.valid_from
union all
select store_id, valid_from, valid_to, null
from {{ ref('dim_stores_history') }}
where valid_to <= valid_from
