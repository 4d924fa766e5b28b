-- The raw_transactions rows of the warehouse as it stood after batch :batch (docs/compare.md): the
-- version of each id brought by that batch or an earlier one and not replaced by then. Columns
-- in the order of load/upsert_raw_transactions.sql, which writes them into the state's own warehouse.
with

versions as (
    select id, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at, batch_id, source_line, cast(null as bigint) as replaced_by_batch
    from raw_transactions
    union all
    select id, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at, batch_id, source_line, replaced_by_batch
    from raw_transactions_replaced
),

final as (
    select id, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at, batch_id, source_line
    from versions
    where batch_id <= :batch and (replaced_by_batch is null or replaced_by_batch > :batch)
)

select * from final order by id
