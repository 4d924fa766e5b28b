-- Explain device_type_share: every transaction made on devices of one type (a null
-- :device_type: devices missing from devices.csv), under the same predicates
-- metrics/device_type_share.sql applies through mart_device_type_daily. count(*) of this
-- list over all matching transactions is the share.
with

events as (
    select *
    from int_transaction_events
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
        and (device_type = :device_type or (device_type is null and :device_type is null))
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
