update import_batches set finished_at = :finished_at where batch_id = :batch_id
