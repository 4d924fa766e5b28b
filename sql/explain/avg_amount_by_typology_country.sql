-- Explain avg_amount_by_typology_country: every transaction of the stores of one typology
-- and country, under the same predicates metrics/avg_amount_by_typology_country.sql
-- applies through mart_store_daily. sum(amount) / count(*) is the average per transaction;
-- sum(amount) / count(distinct store_id) the average store total.
with

stores as (
    select *
    from dim_stores
    where typology = :typology and country = :country
),

events as (
    select *
    from int_transaction_events
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
        and store_id in (select store_id from stores)
),

final as (
    select
        events.transaction_id,
        events.happened_at,
        events.created_at,
        events.store_id,
        stores.store_name,
        events.device_id,
        events.device_type,
        events.product_sku,
        events.product_name,
        events.amount,
        events.status,
        case when raw.card_last4 is null then null else '**** ' || raw.card_last4 end as card
    from events
    join stores on stores.store_id = events.store_id
    left join raw_transactions as raw on raw.id = events.transaction_id
)

select * from final order by happened_at, transaction_id
