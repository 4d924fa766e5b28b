{{ config(materialized='table', indexes='device_id') }}
-- One row per device; store_known says whether its store is in the stores extract.
with

devices as (
    select * from {{ ref('stg_devices') }}
),

stores as (
    select store_id from {{ ref('stg_stores') }}
),

final as (
    select
        devices.device_id,
        devices.device_type,
        devices.store_id,
        case when stores.store_id is null then 0 else 1 end as store_known
    from devices
    left join stores on stores.store_id = devices.store_id
)

select * from final
