-- The transactions that differ between two states of the warehouse (the state after batch :from_batch
-- and the one after :to_batch; see docs/compare.md): 'new' (only in the to-state), 'removed'
-- (only in the from-state) or 'changed' (some data column differs), old and new values side by
-- side. An id can only differ when a batch between the two brought a version of it, so the
-- states are read for those ids alone (:low_batch, :high_batch: the two batch ids in order).
-- The two states are paired by grouping on id (a sort), not by a join, so a million changed
-- ids cost seconds on SQLite, which has no hash join.
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

sides as (
    select id, 1 as in_from, 0 as in_to, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at
    from versions
    where batch_id <= :from_batch and (replaced_by_batch is null or replaced_by_batch > :from_batch)
    union all
    select id, 0 as in_from, 1 as in_to, device_id, product_name, product_sku, sku_kind, category_name, amount, status, card_last4, created_at, happened_at
    from versions
    where batch_id <= :to_batch and (replaced_by_batch is null or replaced_by_batch > :to_batch)
),

paired as (
    select
        id,
        max(in_from) as in_from,
        max(in_to) as in_to,
        max(case when in_from = 1 then device_id end) as old_device_id,
        max(case when in_to = 1 then device_id end) as new_device_id,
        max(case when in_from = 1 then product_name end) as old_product_name,
        max(case when in_to = 1 then product_name end) as new_product_name,
        max(case when in_from = 1 then product_sku end) as old_product_sku,
        max(case when in_to = 1 then product_sku end) as new_product_sku,
        max(case when in_from = 1 then sku_kind end) as old_sku_kind,
        max(case when in_to = 1 then sku_kind end) as new_sku_kind,
        max(case when in_from = 1 then category_name end) as old_category_name,
        max(case when in_to = 1 then category_name end) as new_category_name,
        max(case when in_from = 1 then amount end) as old_amount,
        max(case when in_to = 1 then amount end) as new_amount,
        max(case when in_from = 1 then status end) as old_status,
        max(case when in_to = 1 then status end) as new_status,
        max(case when in_from = 1 then card_last4 end) as old_card_last4,
        max(case when in_to = 1 then card_last4 end) as new_card_last4,
        max(case when in_from = 1 then created_at end) as old_created_at,
        max(case when in_to = 1 then created_at end) as new_created_at,
        max(case when in_from = 1 then happened_at end) as old_happened_at,
        max(case when in_to = 1 then happened_at end) as new_happened_at
    from sides
    group by id
),

final as (
    select
        id,
        case
            when in_from = 0 then 'new'
            when in_to = 0 then 'removed'
            else 'changed'
        end as change,
        old_device_id,
        new_device_id,
        old_product_name,
        new_product_name,
        old_product_sku,
        new_product_sku,
        old_sku_kind,
        new_sku_kind,
        old_category_name,
        new_category_name,
        old_amount,
        new_amount,
        old_status,
        new_status,
        old_card_last4,
        new_card_last4,
        old_created_at,
        new_created_at,
        old_happened_at,
        new_happened_at
    from paired
    where in_from = 0
        or in_to = 0
        or old_device_id is distinct from new_device_id
        or old_product_name is distinct from new_product_name
        or old_product_sku is distinct from new_product_sku
        or old_sku_kind is distinct from new_sku_kind
        or old_category_name is distinct from new_category_name
        or old_amount is distinct from new_amount
        or old_status is distinct from new_status
        or old_card_last4 is distinct from new_card_last4
        or old_created_at is distinct from new_created_at
        or old_happened_at is distinct from new_happened_at
)

select * from final order by id
