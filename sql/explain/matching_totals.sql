-- Explain: every transaction matching the filter (the share's denominator) and those no
-- store metric can count: device missing from devices.csv, or its store missing from
-- stores.csv. One pass over int_transaction_events, the rows metrics/coverage.sql sums
-- through mart_store_daily.
with

matching as (
    select device_known, store_id
    from int_transaction_events
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
),

final as (
    select
        count(*) as transactions,
        coalesce(sum(case when device_known = 0 then 1 else 0 end), 0) as without_device,
        coalesce(sum(case when device_known = 1 and store_id is null then 1 else 0 end), 0) as without_store
    from matching
)

select * from final
