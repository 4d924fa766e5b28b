{{ config(materialized='table', indexes='store_id') }}
-- One row per store, with how many devices it has.
with

stores as (
    select * from {{ ref('stg_stores') }}
),

devices as (
    select * from {{ ref('stg_devices') }}
),

device_counts as (
    select store_id, count(*) as devices
    from devices
    group by store_id
),

final as (
    select
        stores.store_id,
        stores.store_name,
        stores.address,
        stores.city,
        stores.country,
        stores.store_created_at,
        stores.typology,
        stores.customer_id,
        coalesce(device_counts.devices, 0) as devices
    from stores
    left join device_counts on device_counts.store_id = stores.store_id
)

select * from final
