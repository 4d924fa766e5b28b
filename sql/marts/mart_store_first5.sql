{{ config(materialized='view', postgres_materialized='table', indexes='time_col, day') }}
-- A view on SQLite: the app's metrics come from the columnar snapshot (app/core/columnar), so
-- materialising this model would only cost import time and disk. A table (indexed by time
-- column and day) on a PostgreSQL team warehouse, whose metrics the server computes from it.
-- The first five transactions of each store per status and day (ordered by time, then id).
-- The first five of any set of statuses over any range of days are always among these rows,
-- so the time-to-5th metric never needs the fact table.
with

events as (
    select * from {{ ref('int_transaction_events') }}
    where store_id is not null and ts is not null
),

ranked as (
    select
        time_col,
        status,
        day,
        store_id,
        ts,
        transaction_id,
        row_number() over (
            partition by time_col, status, day, store_id
            order by ts, transaction_id
        ) as day_rank
    from events
),

final as (
    select time_col, status, day, store_id, ts, transaction_id
    from ranked
    where day_rank <= 5
)

select * from final
