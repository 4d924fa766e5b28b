-- The columnar snapshot of the fact table, persisted by each import (inside its transaction)
-- so that opening a warehouse reads one compact blob instead of rebuilding the snapshot from
-- the models. Part 0 is a header (format version, import batch, then per segment its batch,
-- rows, size and checksum); parts 1..n hold the segments' payloads in chunks of a few MB: a
-- base, then the deltas of imports that only appended transactions. Written and read by
-- app/core/columnar/ColumnarPersist.
create table if not exists columnar_snapshot (
    part {{ key_column() }},
    data {{ binary() }} not null
);
