-- Imports as points in time (schema version 4). raw_* keep the newest version of each id; when
-- a batch brings an id whose data columns differ, the version it replaces moves here, with the
-- batch that brought it and the batch that replaced it. The state of the warehouse after batch
-- N is then: raw rows with batch_id <= N, plus replaced versions with batch_id <= N <
-- replaced_by_batch (sql/diff/). Card data as in raw: the last four digits only, never a CVV.
-- Written in the import's transaction: on SQLite by the triggers of warehouse/sqlite/, on
-- PostgreSQL by load/postgres/keep_replaced_raw_*.sql before each merge. No index: keeping it
-- up to date doubled the cost of an import that changes every row, and the diff reads these
-- tables once per comparison (a scan against the ids a batch touched).
create table if not exists raw_stores_replaced (
    id bigint not null,
    name text,
    address text,
    city text,
    country text,
    created_at bigint,
    typology text,
    customer_id text,
    batch_id bigint not null,          -- the batch that brought this version
    source_line bigint not null,
    replaced_by_batch bigint not null  -- the batch whose different version replaced it
);

create table if not exists raw_devices_replaced (
    id bigint not null,
    type bigint,
    store_id bigint,
    batch_id bigint not null,
    source_line bigint not null,
    replaced_by_batch bigint not null
);

create table if not exists raw_transactions_replaced (
    id bigint not null,
    device_id bigint,
    product_name text,
    product_sku text,
    sku_kind bigint not null,
    category_name text,
    amount double precision,
    status text,
    card_last4 text,
    created_at bigint,
    happened_at bigint,
    batch_id bigint not null,
    source_line bigint not null,
    replaced_by_batch bigint not null
);

-- The first batch whose state is known exactly: a warehouse made before schema 4 overwrote
-- older versions, so only its newest batch and later ones can be compared. Written once, by
-- the open that creates these tables (0 on a new warehouse: every batch).
insert into warehouse_info (key, value)
select 'states_known_from_batch', cast(newest.batch_id as text)
from (select coalesce(max(batch_id), 0) as batch_id from import_batches) as newest
where not exists (select 1 from warehouse_info where key = 'states_known_from_batch');
