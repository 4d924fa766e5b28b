-- PostgreSQL import, before merge_raw_transactions.sql: each transactions row the merge will overwrite with
-- different data moves to raw_transactions_replaced with the batch that replaces it (what the SQLite
-- trigger warehouse/sqlite/keep_replaced_raw_transactions.sql does). A repeated id in the file counts
-- with its last line, as in the merge; new ids find no row to join.
insert into raw_transactions_replaced (
    id, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at, batch_id, source_line, replaced_by_batch
)
with

loaded as (
    select distinct on (id) *
    from load_raw_transactions
    order by id, source_line desc
),

final as (
    select
        raw_transactions.id,
        raw_transactions.device_id,
        raw_transactions.product_name,
        raw_transactions.product_sku,
        raw_transactions.sku_kind,
        raw_transactions.category_name,
        raw_transactions.amount,
        raw_transactions.status,
        raw_transactions.card_last4,
        raw_transactions.created_at,
        raw_transactions.happened_at,
        raw_transactions.batch_id,
        raw_transactions.source_line,
        loaded.batch_id as replaced_by_batch
    from loaded
    join raw_transactions on raw_transactions.id = loaded.id
    where raw_transactions.batch_id <> loaded.batch_id
        and (raw_transactions.device_id is distinct from loaded.device_id
            or raw_transactions.product_name is distinct from loaded.product_name
            or raw_transactions.product_sku is distinct from loaded.product_sku
            or raw_transactions.sku_kind is distinct from loaded.sku_kind
            or raw_transactions.category_name is distinct from loaded.category_name
            or raw_transactions.amount is distinct from loaded.amount
            or raw_transactions.status is distinct from loaded.status
            or raw_transactions.card_last4 is distinct from loaded.card_last4
            or raw_transactions.created_at is distinct from loaded.created_at
            or raw_transactions.happened_at is distinct from loaded.happened_at)
)

select * from final
