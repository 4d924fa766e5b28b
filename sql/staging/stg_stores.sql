-- Stores as analysts talk about them: renamed keys, blank labels made explicit.
with

source as (
    select * from {{ ref('raw_stores') }}
),

final as (
    select
        id as store_id,
        coalesce(nullif(trim(name), ''), '(unnamed store ' || id || ')') as store_name,
        address,
        city,
        coalesce(nullif(trim(country), ''), '(unknown)') as country,
        created_at as store_created_at,
        coalesce(nullif(trim(typology), ''), '(unknown)') as typology,
        coalesce(nullif(trim(customer_id), ''), '(unknown)') as customer_id
    from source
)

select * from final
