select count(*) as all_rows from raw_transactions
