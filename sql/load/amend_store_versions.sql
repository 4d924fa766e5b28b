-- Store history, step 2 of 3: a change whose extract time is not after the current version's
-- start (two batches with one extract time) would make a version valid for no moment at all:
-- the current version takes the new values in place instead.
update raw_store_versions
set
    name = (select raw_stores.name from raw_stores where raw_stores.id = raw_store_versions.store_id),
    typology = (select raw_stores.typology from raw_stores where raw_stores.id = raw_store_versions.store_id),
    country = (select raw_stores.country from raw_stores where raw_stores.id = raw_store_versions.store_id),
    city = (select raw_stores.city from raw_stores where raw_stores.id = raw_store_versions.store_id),
    batch_id = :batch_id
where valid_to is null
    and valid_from >= :extract_time
    and exists (
        select 1
        from raw_stores
        where raw_stores.id = raw_store_versions.store_id
            and raw_stores.batch_id = :batch_id
            and (raw_stores.name is distinct from raw_store_versions.name
                or raw_stores.typology is distinct from raw_store_versions.typology
                or raw_stores.country is distinct from raw_store_versions.country
                or raw_stores.city is distinct from raw_store_versions.city)
    )
