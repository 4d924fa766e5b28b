-- Store history, step 3 of 3: every store this batch loaded that has no current version (new,
-- or closed by step 1) gets one. A changed store's new version starts at the extract time; a
-- new store's first version at its created_at when that is earlier (it existed since then).
insert into raw_store_versions (store_id, name, city, country, typology, batch_id, valid_from)
select
    raw_stores.id,
    raw_stores.name,
    raw_stores.city,
    raw_stores.country,
    raw_stores.typology,
    :batch_id,
    case
        when exists (select 1 from raw_store_versions where raw_store_versions.store_id = raw_stores.id)
            then :extract_time
        when raw_stores.created_at < :extract_time then raw_stores.created_at
        else :extract_time
    end
from raw_stores
where raw_stores.batch_id = :batch_id
    and not exists (
        select 1
        from raw_store_versions
        where raw_store_versions.store_id = raw_stores.id and raw_store_versions.valid_to is null
    )
