-- Metric 3 read "at the time of each transaction": like avg_amount_by_typology_country, but a
-- transaction counts under the typology and country its store had when it happened (in the
-- chosen time column; see dim_stores_history). A store that changed group counts in each group
-- it had transactions in; stores_in_group counts the stores that were ever in the group.
with

per_store as (
    select typology, country, store_id, sum(transactions) as transactions, sum(total_amount) as total_amount
    from mart_store_version_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
    group by typology, country, store_id
),

group_sizes as (
    select typology, country, count(distinct store_id) as stores_in_group
    from dim_stores_history
    group by typology, country
),

grouped as (
    select
        typology,
        country,
        count(*) as stores,
        sum(transactions) as transactions,
        sum(total_amount) as total_amount
    from per_store
    group by typology, country
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
