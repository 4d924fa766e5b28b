-- Explain time_to_5th_transaction: one store's first five matching transactions, ordered
-- by the time column and then by id, as metrics/time_to_5th_transaction.sql ranks them
-- through mart_store_first5. ts of rank 5 minus ts of rank 1 is the store's time to its 5th.
with

events as (
    select *
    from int_transaction_events
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
        and store_id = :store_id
        and ts is not null
),

ranked as (
    select
        events.*,
        row_number() over (order by events.ts, events.transaction_id) as store_rank
    from events
),

final as (
    select
        ranked.store_rank,
        ranked.transaction_id,
        ranked.happened_at,
        ranked.created_at,
        ranked.store_id,
        stores.store_name,
        ranked.device_id,
        ranked.device_type,
        ranked.product_sku,
        ranked.product_name,
        ranked.amount,
        ranked.status,
        case when raw.card_last4 is null then null else '**** ' || raw.card_last4 end as card
    from ranked
    left join dim_stores as stores on stores.store_id = ranked.store_id
    left join raw_transactions as raw on raw.id = ranked.transaction_id
    where ranked.store_rank <= 5
)

select * from final order by store_rank
