-- The newest import batch (0 before the first import).
select coalesce(max(batch_id), 0) from import_batches
