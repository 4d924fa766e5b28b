-- How many rows a data test returns. {{ select }}: the test's rendered SQL (the newline before ')' keeps a trailing comment from swallowing it).
select count(*) from (
{{ select }}
) as offending
