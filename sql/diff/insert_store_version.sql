-- Store versions of a materialised state (sql/diff/state_store_versions.sql), a batch at a time
-- (load_rows: the values by position, see app/core/warehouse/BatchRows.h).
insert into raw_store_versions (store_id, name, city, country, typology, batch_id, valid_from, valid_to, closed_by_batch)
select v1, v2, v3, v4, v5, v6, v7, v8, v9 from load_rows(?1)
