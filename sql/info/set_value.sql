-- Sets one value of the warehouse's own key/value table.
insert or replace into warehouse_info (key, value) values (:key, :value)
