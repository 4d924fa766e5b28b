{{ config(materialized='table', indexes='store_id') }}
-- Store history (SCD type 2): one row per version of a store, labelled like stg_stores.
-- valid_from is inclusive and valid_to exclusive (null: the current version), in naive seconds
-- since 1970. A transaction belongs to the version whose range holds its timestamp; one older
-- than every version belongs to the first (the store existed before cpm first saw it).
with

versions as (
    select * from {{ ref('raw_store_versions') }}
),

numbered as (
    select
        versions.*,
        row_number() over (partition by versions.store_id order by versions.valid_from) as version_no
    from versions
),

final as (
    select
        store_id,
        version_no,
        coalesce(nullif(trim(name), ''), '(unnamed store ' || store_id || ')') as store_name,
        city,
        coalesce(nullif(trim(country), ''), '(unknown)') as country,
        coalesce(nullif(trim(typology), ''), '(unknown)') as typology,
        valid_from,
        valid_to,
        case when valid_to is null then 1 else 0 end as is_current,
        batch_id,
        closed_by_batch
    from numbered
)

select * from final
