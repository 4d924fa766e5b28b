-- Serialises schema scripts between clients of one team warehouse (released at commit).
-- Key: cpm's lock space 7201, lock 1 = schema (2 = import).
select 1 from (select pg_advisory_xact_lock(7201, 1)) as locked
