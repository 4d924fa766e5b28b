-- The transaction rows the imports loaded, from their bookkeeping (instant, unlike count(*)
-- at 10M rows): "Loading N transactions…" names its N before the snapshot is in memory.
-- A file that re-sent rows already imported counts them twice (they were upserted).
select coalesce(sum(rows_loaded), 0) as rows_loaded
from import_files
where role = 'transactions'
