-- The newest import batch and its times: what identifies the data the models were built from.
select batch_id, started_at, finished_at
from import_batches
order by batch_id desc
limit 1
