-- remembered_row_count.sql for PostgreSQL (split_part instead of SQLite's instr/substr).
with

remembered as (
    select
        cast(split_part(value, ' ', 1) as bigint) as batch_id,
        cast(split_part(value, ' ', 2) as bigint) as row_count
    from warehouse_info
    where key = 'row_count.raw_' || :role and strpos(value, ' ') > 1
),

newest as (
    select coalesce(max(batch_id), 0) as batch_id
    from import_batches
),

final as (
    select remembered.row_count
    from remembered
    join newest on newest.batch_id = remembered.batch_id
    where remembered.row_count >= 0
)

select * from final
