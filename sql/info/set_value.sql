-- Sets one value of the warehouse's own key/value table.
insert into warehouse_info (key, value) values (:key, :value)
on conflict (key) do update set value = excluded.value
