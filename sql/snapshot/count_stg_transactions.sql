-- Rows the snapshot is about to read, so its columns are sized once.
select count(*)
from stg_transactions
