{{ config(materialized='view') }}
-- A view, not a table: the app's metrics come from the columnar snapshot (app/core/columnar),
-- so materialising this model would only write a second copy of raw_transactions (import
-- time and disk). The portable SQL metric path and the data tests still read it.
-- One row per transaction joined to its device and store (left joins: a transaction whose
-- device or store is unknown is kept, with null keys, so it can be counted as left out).
with

transactions as (
    select * from {{ ref('stg_transactions') }}
),

devices as (
    select * from {{ ref('dim_devices') }}
),

final as (
    select
        transactions.transaction_id,
        transactions.device_id,
        case when devices.device_id is null then 0 else 1 end as device_known,
        devices.device_type,
        case when devices.store_known = 1 then devices.store_id end as store_id,
        transactions.product_sku,
        transactions.sku_kind,
        transactions.product_name,
        transactions.amount,
        transactions.status,
        transactions.created_at,
        transactions.happened_at
    from transactions
    left join devices on devices.device_id = transactions.device_id
)

select * from final
