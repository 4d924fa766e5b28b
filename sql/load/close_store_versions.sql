-- Store history, step 1 of 3: a store this batch loaded whose name, typology, country or city
-- differs from its current version closes that version at the batch's extract time.
update raw_store_versions
set valid_to = :extract_time, closed_by_batch = :batch_id
where valid_to is null
    and valid_from < :extract_time
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
