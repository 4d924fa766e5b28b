{{ config(materialized='view', postgres_materialized='table', indexes='time_col, day') }}
-- A view on SQLite: the app's metrics come from the columnar snapshot (app/core/columnar), so
-- materialising this model would only cost import time and disk. A table (indexed by time
-- column and day) on a PostgreSQL team warehouse, whose metrics the server computes from it.
-- Transactions (one per item sold) and amount per normalised SKU, product name, status and day.
with

events as (
    select * from {{ ref('int_transaction_events') }}
),

final as (
    select
        time_col,
        status,
        day,
        product_sku,
        product_name,
        max(case when sku_kind = 2 then 1 else 0 end) as sku_lossy,
        count(*) as transactions,
        sum(amount) as total_amount
    from events
    group by time_col, status, day, product_sku, product_name
)

select * from final
