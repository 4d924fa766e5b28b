-- The rows a data test returns, for samples (the runner stops after the first few).
select * from (
{{ select }}
) as offending
