-- One part of the persisted snapshot (a chunk of a segment's payload); bound by position: part, data.
insert into columnar_snapshot (part, data) values (:part, :data)
