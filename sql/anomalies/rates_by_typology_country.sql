-- Anomalies: transactions, refused and cancelled per (typology, country) of the stores
-- under the time column and day range, every status counted; stores: how many of the
-- group's stores have a transaction in the range.
-- Parameters: :time_col, :from_day, :to_day (days since 1970, inclusive).
with

filtered as (
    select
        store_id,
        sum(transactions) as transactions,
        sum(case when status = 'refused' then transactions else 0 end) as refused,
        sum(case when status = 'cancelled' then transactions else 0 end) as cancelled
    from mart_store_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and store_id is not null
    group by store_id
),

final as (
    select
        stores.typology,
        stores.country,
        count(*) as stores,
        sum(filtered.transactions) as transactions,
        sum(filtered.refused) as refused,
        sum(filtered.cancelled) as cancelled
    from filtered
    join dim_stores as stores on stores.store_id = filtered.store_id
    group by stores.typology, stores.country
)

select * from final order by typology, country
