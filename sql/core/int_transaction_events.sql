-- Each transaction twice, once per time column (happened_at, created_at), with its
-- timestamp and day, so marts can be filtered by either clock with one predicate.
with

transactions as (
    select * from {{ ref('fct_transactions') }}
),

time_columns as (
    select 'happened_at' as time_col
    union all
    select 'created_at' as time_col
),

stamped as (
    select
        time_columns.time_col,
        case
            when time_columns.time_col = 'happened_at' then transactions.happened_at
            else transactions.created_at
        end as ts,
        transactions.*
    from transactions
    cross join time_columns
),

final as (
    select
        stamped.*,
        {{ epoch_day('stamped.ts') }} as day
    from stamped
)

select * from final
