-- The persisted snapshot's header (part 0), replaced; bound by position: part, data.
insert or replace into columnar_snapshot (part, data) values (:part, :data)
