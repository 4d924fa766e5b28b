-- Per store typology and country: transactions, average amount per transaction, and the
-- average store total over stores there with at least one matching transaction (plus the
-- reading where every store of the group counts, those without transactions as zero).
with

per_store as (
    select store_id, sum(transactions) as transactions, sum(total_amount) as total_amount
    from mart_store_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
        and store_id is not null
    group by store_id
),

stores as (
    select * from dim_stores
),

group_sizes as (
    select typology, country, count(*) as stores_in_group
    from stores
    group by typology, country
),

grouped as (
    select
        stores.typology,
        stores.country,
        count(*) as stores,
        sum(per_store.transactions) as transactions,
        sum(per_store.total_amount) as total_amount
    from per_store
    join stores on stores.store_id = per_store.store_id
    group by stores.typology, stores.country
),

final as (
    select
        grouped.typology,
        grouped.country,
        grouped.transactions,
        grouped.total_amount,
        1.0 * grouped.total_amount / grouped.transactions as avg_amount,
        grouped.stores,
        1.0 * grouped.total_amount / grouped.stores as avg_store_total,
        group_sizes.stores_in_group,
        1.0 * grouped.total_amount / group_sizes.stores_in_group as avg_store_total_incl_zero
    from grouped
    join group_sizes
        on group_sizes.typology = grouped.typology and group_sizes.country = grouped.country
)

select * from final order by typology, country
