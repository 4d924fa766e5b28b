-- A new import batch; its id becomes the batch_id of every row it loads.
insert into import_batches (started_at, source) values (:started_at, :source)
returning batch_id
