-- One import batch of a materialised state (sql/diff/state_batches.sql), bound positionally.
insert into import_batches (batch_id, started_at, finished_at, source) values (?1, ?2, ?3, ?4)
