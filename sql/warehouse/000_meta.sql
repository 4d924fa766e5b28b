-- Warehouse bookkeeping: schema version, import batches and their files, rejected rows,
-- data-quality notes and transform model runs. Applied in order at every open (idempotent).
create table if not exists warehouse_info (
    key text primary key,
    value text not null
);

create table if not exists import_batches (
    batch_id {{ serial_key() }},
    started_at text not null,
    finished_at text,
    source text not null          -- 'cli', 'gui', ...
);

create table if not exists import_files (
    batch_id bigint not null references import_batches (batch_id),
    role text not null,           -- stores | devices | transactions
    file_name text not null,
    file_size bigint not null,
    sha256 text not null,
    dialect text not null,
    rows_read bigint not null,
    rows_loaded bigint not null,
    rows_rejected bigint not null,
    timestamp_formats text        -- e.g. 'created_at: MM/DD/YYYY H:MM:SS'
);
create index if not exists ix_import_files_sha256 on import_files (sha256);

create table if not exists rejects (
    batch_id bigint not null,
    role text not null,
    file_name text not null,
    line bigint not null,
    column_no bigint,
    column_name text,
    value text,
    reason text not null,
    raw_text text                 -- the record with card data masked
);

create table if not exists import_notes (
    batch_id bigint not null,
    role text not null,
    file_name text not null,
    kind text not null,           -- lossy_sku | unknown_status | clock_12h | ambiguous_date | ...
    row_count bigint not null,
    message text not null
);

create table if not exists model_runs (
    model text not null,
    materialization text not null,
    row_count bigint,
    milliseconds double precision not null,
    finished_at text not null
);
