-- Rows of a table model after its run (recorded in model_runs).
select count(*) from {{ relation }}
