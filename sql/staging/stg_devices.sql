-- Devices (payment terminals) with their integer type and owning store.
with

source as (
    select * from {{ ref('raw_devices') }}
),

final as (
    select
        id as device_id,
        type as device_type,
        store_id
    from source
)

select * from final
