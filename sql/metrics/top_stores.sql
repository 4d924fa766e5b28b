-- Top stores by transacted amount: per store sum(amount) and count(*), ties by store id.
-- Parameters: :time_col, :from_day, :to_day (days since 1970), :limit; statuses in param_statuses.
with

filtered as (
    select store_id, sum(transactions) as transactions, sum(total_amount) as total_amount
    from mart_store_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
        and store_id is not null
    group by store_id
),

ranked as (
    select
        row_number() over (order by filtered.total_amount desc, filtered.store_id) as rank,
        filtered.store_id,
        stores.store_name,
        stores.typology,
        stores.country,
        filtered.total_amount,
        filtered.transactions
    from filtered
    join dim_stores as stores on stores.store_id = filtered.store_id
),

final as (
    select * from ranked where rank <= :limit
)

select * from final order by rank
