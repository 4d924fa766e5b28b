-- The moment a batch's extract describes (naive seconds since 1970): its store versions start there.
insert into batch_extract_times (batch_id, extract_time) values (:batch_id, :extract_time)
