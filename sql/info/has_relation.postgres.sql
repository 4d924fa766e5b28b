-- Whether :name is a table or a view of the warehouse (PostgreSQL: its current schema).
select 1 from information_schema.tables where table_schema = current_schema() and table_name = :name
