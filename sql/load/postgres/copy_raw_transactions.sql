-- PostgreSQL import: the bulk path (libpq COPY, text format) of one transactions file.
copy load_raw_transactions (
    id, device_id, product_name, product_sku, sku_kind, category_name, amount, status,
    card_last4, created_at, happened_at, batch_id, source_line
) from stdin
