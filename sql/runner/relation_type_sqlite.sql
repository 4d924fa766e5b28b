-- What currently holds a model's name on SQLite: 'table', 'view' or no row.
select type from sqlite_master where type in ('table', 'view') and lower(name) = lower(:name)
