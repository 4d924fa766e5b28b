-- Import batches of a materialised state (sql/diff/state_batches.sql), a batch of rows at a
-- time (load_rows: the values by position, see app/core/warehouse/BatchRows.h).
insert into import_batches (batch_id, started_at, finished_at, source)
select v1, v2, v3, v4 from load_rows(?1)
