-- Ends a reader's consistent view (begin_read.sql); it wrote nothing.
commit
