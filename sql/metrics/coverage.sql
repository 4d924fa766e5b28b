-- What the filter matches and what the metrics leave out, and why: transactions whose
-- device or store is unknown, rows with unrecoverable SKUs, stores without transactions.
with

matching as (
    select *
    from mart_store_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
),

lossy as (
    select coalesce(sum(transactions), 0) as transactions
    from mart_product_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
        and sku_lossy = 1
),

final as (
    select
        coalesce(sum(matching.transactions), 0) as transactions,
        coalesce(sum(matching.total_amount), 0) as total_amount,
        coalesce(sum(case when matching.device_known = 0 then matching.transactions end), 0)
            as without_device,
        coalesce(sum(case when matching.device_known = 1 and matching.store_id is null
            then matching.transactions end), 0) as without_store,
        (select transactions from lossy) as lossy_sku,
        count(distinct matching.store_id) as stores_with_transactions,
        (select count(*) from dim_stores) as stores_total
    from matching
)

select * from final
