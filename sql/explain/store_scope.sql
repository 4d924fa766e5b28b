-- Explain: where one store's transactions went under the filter: counted, another
-- status (at any date), or a selected status outside the date range (or without a
-- timestamp). The last three add up to all of them.
with

events as (
    select status, day
    from int_transaction_events
    where time_col = :time_col
        and store_id = :store_id
),

flags as (
    select
        case when status in (select status from param_statuses) then 1 else 0 end as status_selected,
        case when day between :from_day and :to_day then 1 else 0 end as in_range
    from events
),

final as (
    select
        count(*) as transactions,
        coalesce(sum(status_selected * in_range), 0) as matching,
        coalesce(sum(1 - status_selected), 0) as other_status,
        coalesce(sum(status_selected * (1 - in_range)), 0) as outside_range
    from flags
)

select * from final
