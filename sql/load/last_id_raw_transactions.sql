-- The highest id already loaded: later ids are new rows, no count needed.
select max(id) as last_id from raw_transactions
