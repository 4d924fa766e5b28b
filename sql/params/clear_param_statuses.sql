delete from param_statuses
