-- A reader's consistent view. Unused on SQLite today: a WAL reader's statements each see one
-- committed state and its imports rebuild the models in one transaction (see ReadTransaction).
begin deferred
