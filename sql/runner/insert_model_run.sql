-- Records one model run (rows: null for a view).
insert into model_runs (model, materialization, row_count, milliseconds, finished_at)
values (:model, :materialization, :row_count, :milliseconds, :finished_at)
