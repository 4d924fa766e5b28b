-- PostgreSQL import: the rows of one stores file are copied here first (COPY cannot
-- upsert), then merged into raw_stores. Dropped at the end of the import's transaction.
create temporary table load_raw_stores (like raw_stores) on commit drop
