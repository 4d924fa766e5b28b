-- Explain top_stores: every transaction behind one store's total amount and count, under
-- the same predicates metrics/top_stores.sql applies through mart_store_daily (which sums
-- these very rows of int_transaction_events). sum(amount) and count(*) of this list are
-- the metric's total_amount and transactions.
with

events as (
    select *
    from int_transaction_events
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
        and store_id = :store_id
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
    left join dim_stores as stores on stores.store_id = events.store_id
    left join raw_transactions as raw on raw.id = events.transaction_id
)

select * from final order by happened_at, transaction_id
