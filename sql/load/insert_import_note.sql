insert into import_notes (batch_id, role, file_name, kind, row_count, message)
values (:batch_id, :role, :file_name, :kind, :row_count, :message)
