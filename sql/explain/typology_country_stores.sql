-- Explain: how many stores one typology and country has (0: no such group).
with

final as (
    select count(*) as stores_in_group
    from dim_stores
    where typology = :typology and country = :country
)

select * from final
