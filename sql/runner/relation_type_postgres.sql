-- What currently holds a model's name on PostgreSQL: 'table', 'view' or no row.
select case table_type when 'VIEW' then 'view' else 'table' end
from information_schema.tables
where table_schema = current_schema() and table_name = :name
