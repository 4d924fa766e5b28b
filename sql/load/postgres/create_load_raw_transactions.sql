-- PostgreSQL import: the rows of one transactions file are copied here first (COPY cannot
-- upsert), then merged into raw_transactions. Dropped at the end of the import's transaction.
create temporary table load_raw_transactions (like raw_transactions) on commit drop
