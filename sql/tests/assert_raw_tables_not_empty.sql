-- Raw tables without a single row: an extract never imported (or all of its rows rejected), so every metric over it is empty.
with

empty_tables as (
    select 'raw_stores' as raw_table, 'stores' as extract
    where not exists (select 1 from raw_stores)
    union all
    select 'raw_devices' as raw_table, 'devices' as extract
    where not exists (select 1 from raw_devices)
    union all
    select 'raw_transactions' as raw_table, 'transactions' as extract
    where not exists (select 1 from raw_transactions)
),

final as (
    select
        raw_table,
        'import the ' || extract || ' extract' as hint
    from empty_tables
)

select * from final
