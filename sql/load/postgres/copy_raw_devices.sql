-- PostgreSQL import: the bulk path (libpq COPY, text format) of one devices file.
copy load_raw_devices (
    id, type, store_id, batch_id, source_line
) from stdin
