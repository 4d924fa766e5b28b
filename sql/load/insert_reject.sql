-- One rejected row; raw_text has card data masked and the CVV removed.
insert into rejects (batch_id, role, file_name, line, column_no, column_name, value, reason, raw_text)
values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
