-- The extract time of one batch of a materialised state, bound positionally.
insert into batch_extract_times (batch_id, extract_time) values (?1, ?2)
