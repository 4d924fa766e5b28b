-- The transactions that differ between two states of the warehouse (the state after batch :from_batch
-- and the one after :to_batch; see docs/compare.md): 'new' (only in the to-state), 'removed'
-- (only in the from-state) or 'changed' (some data column differs), old and new values side by
-- side. An id can only differ when a batch between the two brought a version of it, so the
-- states are read for those ids alone (:low_batch, :high_batch: the two batch ids in order).
with

touched as (
    select id from raw_transactions where batch_id > :low_batch and batch_id <= :high_batch
    union
    select id from raw_transactions_replaced where batch_id > :low_batch and batch_id <= :high_batch
),

versions as (
    select id, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at, batch_id, cast(null as bigint) as replaced_by_batch
    from raw_transactions
    where id in (select touched.id from touched)
    union all
    select id, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at, batch_id, replaced_by_batch
    from raw_transactions_replaced
    where id in (select touched.id from touched)
),

from_state as (
    select * from versions
    where batch_id <= :from_batch and (replaced_by_batch is null or replaced_by_batch > :from_batch)
),

to_state as (
    select * from versions
    where batch_id <= :to_batch and (replaced_by_batch is null or replaced_by_batch > :to_batch)
),

final as (
    select
        coalesce(to_state.id, from_state.id) as id,
        case
            when from_state.id is null then 'new'
            when to_state.id is null then 'removed'
            else 'changed'
        end as change,
        from_state.device_id as old_device_id,
        to_state.device_id as new_device_id,
        from_state.product_name as old_product_name,
        to_state.product_name as new_product_name,
        from_state.product_sku as old_product_sku,
        to_state.product_sku as new_product_sku,
        from_state.sku_kind as old_sku_kind,
        to_state.sku_kind as new_sku_kind,
        from_state.category_name as old_category_name,
        to_state.category_name as new_category_name,
        from_state.amount as old_amount,
        to_state.amount as new_amount,
        from_state.status as old_status,
        to_state.status as new_status,
        from_state.card_last4 as old_card_last4,
        to_state.card_last4 as new_card_last4,
        from_state.created_at as old_created_at,
        to_state.created_at as new_created_at,
        from_state.happened_at as old_happened_at,
        to_state.happened_at as new_happened_at
    from from_state
    full outer join to_state on to_state.id = from_state.id
    where from_state.id is null
        or to_state.id is null
        or from_state.device_id is distinct from to_state.device_id
            or from_state.product_name is distinct from to_state.product_name
            or from_state.product_sku is distinct from to_state.product_sku
            or from_state.sku_kind is distinct from to_state.sku_kind
            or from_state.category_name is distinct from to_state.category_name
            or from_state.amount is distinct from to_state.amount
            or from_state.status is distinct from to_state.status
            or from_state.card_last4 is distinct from to_state.card_last4
            or from_state.created_at is distinct from to_state.created_at
            or from_state.happened_at is distinct from to_state.happened_at
)

select * from final order by id
