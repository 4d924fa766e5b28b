{{ config(materialized='view') }}
-- A view, not a table: the app's metrics come from the columnar snapshot (app/core/columnar),
-- so materialising this model would only cost import time and disk (about as many rows as
-- the fact table). The portable SQL metric path still reads it.
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
