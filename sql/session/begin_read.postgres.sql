-- A reader's consistent view: every statement until commit sees the same committed state.
begin isolation level repeatable read
