-- Raw layer: one row per id as loaded (typed by the loader, card data masked, CVV never
-- stored). Upserts keep the latest batch's version of each id; a row whose data did not change
-- is left as it was, and a version a later batch replaces moves to raw_*_replaced (040).
create table if not exists raw_stores (
    id {{ key_column() }},
    name text,
    address text,
    city text,
    country text,
    created_at bigint,           -- naive seconds since 1970-01-01
    typology text,
    customer_id text,
    batch_id bigint not null,
    source_line bigint not null
);

create table if not exists raw_devices (
    id {{ key_column() }},
    type bigint,
    store_id bigint,
    batch_id bigint not null,
    source_line bigint not null
);

create table if not exists raw_transactions (
    id {{ key_column() }},
    device_id bigint,
    product_name text,
    product_sku text,             -- normalised: trimmed, 'v' prefix stripped
    sku_kind bigint not null,    -- 0 plain, 1 v-prefix stripped, 2 lossy (scientific), 3 empty
    category_name text,
    amount double precision,
    status text,                  -- trimmed, lower case
    card_last4 text,              -- the only card data kept
    created_at bigint,
    happened_at bigint,
    batch_id bigint not null,
    source_line bigint not null
);
