-- Anomalies: transactions, refused and cancelled per device type (null: the device is
-- unknown) under the time column and day range, every status counted.
-- Parameters: :time_col, :from_day, :to_day (days since 1970, inclusive).
with

filtered as (
    select
        device_type,
        sum(transactions) as transactions,
        sum(case when status = 'refused' then transactions else 0 end) as refused,
        sum(case when status = 'cancelled' then transactions else 0 end) as cancelled
    from mart_device_type_daily
    where time_col = :time_col
        and day between :from_day and :to_day
    group by device_type
),

final as (
    select * from filtered
)

-- Unknown devices last on both engines (SQLite sorts nulls first, PostgreSQL last).
select * from final order by case when device_type is null then 1 else 0 end, device_type
