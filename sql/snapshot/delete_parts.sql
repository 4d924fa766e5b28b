-- Forgets the persisted snapshot before a whole new one is written.
delete from columnar_snapshot
