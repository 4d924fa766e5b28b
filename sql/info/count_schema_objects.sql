-- Any read of the schema: a file that is not an SQLite database fails here, before anything is written.
select count(*) from sqlite_master
