-- One value of the warehouse's own key/value table (schema version, remembered row counts, model definitions).
select value from warehouse_info where key = :key
