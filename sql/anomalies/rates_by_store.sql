-- Anomalies: transactions, refused and cancelled per store under the time column and day
-- range (every status counts: a rate's denominator is all of the store's transactions).
-- Transactions whose device or store is unknown belong to no store and are left out here.
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
        filtered.store_id,
        stores.store_name,
        stores.typology,
        stores.country,
        filtered.transactions,
        filtered.refused,
        filtered.cancelled
    from filtered
    join dim_stores as stores on stores.store_id = filtered.store_id
)

select * from final order by store_id
