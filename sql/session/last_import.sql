-- When the newest import finished (ISO 8601 text), for the status bar; null when none did.
select max(finished_at) as finished_at
from import_batches
