-- The batch that already imported a file with these exact bytes, if any.
select f.batch_id, b.finished_at
from import_files as f
join import_batches as b on b.batch_id = f.batch_id
where f.sha256 = :sha256 and f.role = :role
order by f.batch_id desc
limit 1
