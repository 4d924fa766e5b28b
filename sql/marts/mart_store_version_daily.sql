{{ config(materialized='view', postgres_materialized='table', indexes='time_col, day') }}
-- Like mart_store_daily, but each transaction under the store version (typology, country)
-- valid at its own timestamp in that time column: what metric 3 reads "at the time of each
-- transaction". A view on SQLite, a table on a PostgreSQL team warehouse (see mart_store_daily).
with

events as (
    select * from {{ ref('int_transaction_events') }}
    where store_id is not null
),

history as (
    select * from {{ ref('dim_stores_history') }}
),

final as (
    select
        events.time_col,
        events.status,
        events.day,
        events.store_id,
        history.typology,
        history.country,
        count(*) as transactions,
        sum(events.amount) as total_amount
    from events
    join history
        on history.store_id = events.store_id
        and (history.version_no = 1 or events.ts >= history.valid_from)
        and (history.valid_to is null or events.ts < history.valid_to)
    group by events.time_col, events.status, events.day, events.store_id, history.typology, history.country
)

select * from final
