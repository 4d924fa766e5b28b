insert into import_files (
    batch_id, role, file_name, file_size, sha256, dialect, rows_read, rows_loaded, rows_rejected,
    timestamp_formats
)
values (
    :batch_id, :role, :file_name, :file_size, :sha256, :dialect, :rows_read, :rows_loaded,
    :rows_rejected, :timestamp_formats
)
