-- PostgreSQL import: the rows of one devices file are copied here first (COPY cannot
-- upsert), then merged into raw_devices. Dropped at the end of the import's transaction.
create temporary table load_raw_devices (like raw_devices) on commit drop
