-- Raw layer: one row per id as loaded (typed by the loader, card data masked, CVV never
-- stored). Upserts keep the latest batch's version of each id.
create table if not exists raw_stores (
    id integer primary key,
    name text,
    address text,
    city text,
    country text,
    created_at integer,           -- naive seconds since 1970-01-01
    typology text,
    customer_id text,
    batch_id integer not null,
    source_line integer not null
);

create table if not exists raw_devices (
    id integer primary key,
    type integer,
    store_id integer,
    batch_id integer not null,
    source_line integer not null
);

create table if not exists raw_transactions (
    id integer primary key,
    device_id integer,
    product_name text,
    product_sku text,             -- normalised: trimmed, 'v' prefix stripped
    sku_kind integer not null,    -- 0 plain, 1 v-prefix stripped, 2 lossy (scientific), 3 empty
    category_name text,
    amount real,
    status text,                  -- trimmed, lower case
    card_last4 text,              -- the only card data kept
    created_at integer,
    happened_at integer,
    batch_id integer not null,
    source_line integer not null
);
