-- Total bytes of the persisted snapshot (header and parts).
select coalesce(sum(length(data)), 0)
from columnar_snapshot
