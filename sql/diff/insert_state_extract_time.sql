-- The extract times of a materialised state's batches (state_batches.sql's fifth column),
-- from the same rows as insert_state_batch.sql.
insert into batch_extract_times (batch_id, extract_time)
select v1, v5 from load_rows(?1) where v5 is not null
