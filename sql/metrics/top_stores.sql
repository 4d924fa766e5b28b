-- Top stores by transacted amount: per store sum(amount) and count(*), ties by store id.
-- Parameters: :time_col, :from_day, :to_day (days since 1970), :top (rows shown), :limit (rows fetched); statuses in param_statuses.
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

-- How many stores share the value of the last one shown (rank :top), cut ones included:
-- the page names the ties that the tie-break pushed past the cut.
cut_value as (
    select total_amount from ranked where rank = :top
),

final as (
    select
        ranked.*,
        (
            select count(*) from ranked as peers
            where peers.total_amount = (select total_amount from cut_value)
        ) as tied_with_last
    from ranked
    where rank <= :limit
)

select * from final order by rank
