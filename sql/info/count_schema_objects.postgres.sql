-- Any read of the schema (PostgreSQL): the tables of the warehouse's schema.
select count(*) from information_schema.tables where table_schema = current_schema()
