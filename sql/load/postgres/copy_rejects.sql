-- PostgreSQL import: rejected rows (card data masked, CVV never kept), copied in bulk.
copy rejects (batch_id, role, file_name, line, column_no, column_name, value, reason, raw_text) from stdin
