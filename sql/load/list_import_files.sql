-- Every imported file with its batch, newest first: the provenance shown in reports.
with

files as (
    select
        import_files.batch_id,
        import_files.role,
        import_files.file_name,
        import_files.sha256,
        import_files.rows_loaded,
        import_files.rows_rejected,
        import_batches.finished_at
    from import_files
    join import_batches on import_batches.batch_id = import_files.batch_id
),

final as (
    select * from files
)

select * from final order by batch_id desc, role
