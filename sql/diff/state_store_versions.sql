-- Store history as it stood after batch :batch: the versions brought by then, a version closed
-- by a later batch still open. (A correction with the same extract time amends a version in
-- place and is not undone: see docs/compare.md.)
with

final as (
    select
        store_id,
        name,
        city,
        country,
        typology,
        batch_id,
        valid_from,
        case when closed_by_batch > :batch then null else valid_to end as valid_to,
        case when closed_by_batch > :batch then null else closed_by_batch end as closed_by_batch
    from raw_store_versions
    where batch_id <= :batch
)

select * from final order by store_id, valid_from
