-- PostgreSQL import: the bulk path (libpq COPY, text format) of one stores file.
copy load_raw_stores (
    id, name, address, city, country, created_at, typology, customer_id, batch_id, source_line
) from stdin
