-- Transactions whose status is not accepted, refused or cancelled (kept, but reported).
select status, count(*) as transactions
from {{ ref('stg_transactions') }}
where status not in ('accepted', 'refused', 'cancelled')
group by status
