-- Whether a file of this role and size was imported before: only then can it be a re-import (then it is hashed first).
select 1 from import_files where role = :role and file_size = :size limit 1
