-- Transactions, typed and normalised by the loader (SKU, status, naive epoch seconds).
with

source as (
    select * from {{ ref('raw_transactions') }}
),

final as (
    select
        id as transaction_id,
        device_id,
        coalesce(nullif(trim(product_name), ''), '(unnamed product)') as product_name,
        coalesce(product_sku, '') as product_sku,
        sku_kind,
        category_name,
        amount,
        status,
        created_at,
        happened_at
    from source
)

select * from final
