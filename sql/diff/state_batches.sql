-- The import batches up to :batch with their extract times, copied into a materialised state.
with

final as (
    select
        import_batches.batch_id,
        import_batches.started_at,
        import_batches.finished_at,
        import_batches.source,
        batch_extract_times.extract_time
    from import_batches
    left join batch_extract_times on batch_extract_times.batch_id = import_batches.batch_id
    where import_batches.batch_id <= :batch
)

select * from final order by batch_id
