-- Explain: one store as the stores extract describes it (no row: the id is unknown).
with

final as (
    select store_id, store_name, typology, country, customer_id, store_created_at
    from dim_stores
    where store_id = :store_id
)

select * from final
