{{ config(materialized='table', indexes='time_col, status, day') }}
-- Transactions and amount per store, status and day, for each time column.
-- store_id is null for transactions whose device or store is unknown.
with

events as (
    select * from {{ ref('int_transaction_events') }}
),

final as (
    select
        time_col,
        status,
        day,
        store_id,
        device_known,
        count(*) as transactions,
        sum(amount) as total_amount
    from events
    group by time_col, status, day, store_id, device_known
)

select * from final
