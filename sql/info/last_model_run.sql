-- The last recorded run of the transform model :model (cpm-cli models).
select row_count, milliseconds, finished_at
from model_runs
where model = :model
order by finished_at desc
limit 1
