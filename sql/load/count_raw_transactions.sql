select count(*) as all_rows, sum(case when batch_id = :batch_id then 1 else 0 end) as batch_rows from raw_transactions
