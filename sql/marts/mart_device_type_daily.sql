{{ config(materialized='table', indexes='time_col, status, day') }}
-- Transactions per device type, status and day (device_type null: device unknown).
with

events as (
    select * from {{ ref('int_transaction_events') }}
),

final as (
    select
        time_col,
        status,
        day,
        device_type,
        count(*) as transactions,
        sum(amount) as total_amount
    from events
    group by time_col, status, day, device_type
)

select * from final
