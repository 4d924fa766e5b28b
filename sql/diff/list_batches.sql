-- Every finished import batch, oldest first, with what it loaded: the points in time a
-- comparison can pick (docs/compare.md).
with

loaded as (
    select
        batch_id,
        count(*) as files,
        sum(rows_loaded) as rows_loaded
    from import_files
    group by batch_id
),

final as (
    select
        import_batches.batch_id,
        import_batches.started_at,
        import_batches.finished_at,
        import_batches.source,
        coalesce(loaded.files, 0) as files,
        coalesce(loaded.rows_loaded, 0) as rows_loaded
    from import_batches
    left join loaded on loaded.batch_id = import_batches.batch_id
    where import_batches.finished_at is not null
)

select * from final order by batch_id
