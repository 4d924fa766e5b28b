-- Per store with at least one matching transaction: its first and fifth matching
-- transactions (ordered by the time column, ties by id) and the seconds between them, and
-- from the store's created_at to the fifth. Stores with fewer than five have null fifth_at.
with

candidates as (
    select store_id, ts, transaction_id
    from mart_store_first5
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
),

ranked as (
    select
        store_id,
        ts,
        row_number() over (partition by store_id order by ts, transaction_id) as store_rank
    from candidates
),

firsts as (
    select
        store_id,
        count(*) as transactions_seen,
        max(case when store_rank = 1 then ts end) as first_at,
        max(case when store_rank = 5 then ts end) as fifth_at
    from ranked
    where store_rank <= 5
    group by store_id
),

final as (
    select
        firsts.store_id,
        stores.store_name,
        stores.customer_id,
        firsts.transactions_seen,
        firsts.first_at,
        firsts.fifth_at,
        firsts.fifth_at - firsts.first_at as seconds,
        stores.store_created_at,
        firsts.fifth_at - stores.store_created_at as seconds_from_store_created
    from firsts
    join dim_stores as stores on stores.store_id = firsts.store_id
)

select * from final order by store_id
