-- Anomalies: transactions, refused and cancelled per day of the time column within the day
-- range, every status counted, including transactions whose device or store is unknown.
-- Parameters: :time_col, :from_day, :to_day (days since 1970, inclusive).
with

filtered as (
    select
        day,
        sum(transactions) as transactions,
        sum(case when status = 'refused' then transactions else 0 end) as refused,
        sum(case when status = 'cancelled' then transactions else 0 end) as cancelled
    from mart_store_daily
    where time_col = :time_col
        and day between :from_day and :to_day
    group by day
),

final as (
    select * from filtered
)

select * from final order by day
