-- What the filter bar can offer: each status with its transactions and the day span of
-- each time column (over all statuses).
with

per_status as (
    select
        time_col,
        status,
        sum(transactions) as transactions,
        min(day) as first_day,
        max(day) as last_day
    from mart_store_daily
    group by time_col, status
),

final as (
    select * from per_status
)

select * from final order by time_col, transactions desc, status
