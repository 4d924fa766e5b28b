{{ config(materialized='view', postgres_materialized='table', indexes='time_col, day') }}
-- A view on SQLite: the app's metrics come from the columnar snapshot (app/core/columnar), so
-- materialising this model would only cost import time and disk. A table (indexed by time
-- column and day) on a PostgreSQL team warehouse, whose metrics the server computes from it.
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
