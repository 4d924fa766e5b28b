-- Store history (SCD type 2, schema version 3). Each import batch has an extract time (the
-- moment the extract describes, on the data's own clock: naive seconds since 1970), and every
-- store keeps one version per distinct (name, typology, country, city), valid from one
-- extract time up to the next change. The importer appends to it in the import's transaction.
create table if not exists batch_extract_times (
    batch_id bigint primary key,
    extract_time bigint not null
);

create table if not exists raw_store_versions (
    store_id bigint not null,
    name text,
    city text,
    country text,
    typology text,
    batch_id bigint not null,     -- the batch that brought this version
    valid_from bigint not null,   -- a store's first version: from its created_at (or the extract time)
    valid_to bigint,              -- exclusive; null: the current version
    closed_by_batch bigint        -- the batch whose extract changed it
);
create unique index if not exists ux_raw_store_versions on raw_store_versions (store_id, valid_from);

-- Warehouses made before store history: each store as it stands becomes its first version.
insert into raw_store_versions (store_id, name, city, country, typology, batch_id, valid_from)
select raw_stores.id, raw_stores.name, raw_stores.city, raw_stores.country, raw_stores.typology,
    raw_stores.batch_id, coalesce(raw_stores.created_at, 0)
from raw_stores
where not exists (select 1 from raw_store_versions where raw_store_versions.store_id = raw_stores.id);
