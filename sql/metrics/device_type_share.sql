-- Share of matching transactions per device type (null: the device is unknown).
with

filtered as (
    select device_type, sum(transactions) as transactions, sum(total_amount) as total_amount
    from mart_device_type_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
    group by device_type
),

final as (
    select
        device_type,
        transactions,
        100.0 * transactions / sum(transactions) over () as pct,
        total_amount
    from filtered
)

select * from final order by transactions desc, device_type
