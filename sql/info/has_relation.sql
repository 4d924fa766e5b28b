-- Whether :name is a table or a view of the warehouse.
select 1 from sqlite_master where name = :name and type in ('table', 'view')
