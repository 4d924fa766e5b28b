-- One store version of a materialised state (sql/diff/state_store_versions.sql), bound positionally.
insert into raw_store_versions (store_id, name, city, country, typology, batch_id, valid_from, valid_to, closed_by_batch)
values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
