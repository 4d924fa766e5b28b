insert or ignore into param_statuses (status) values (:status)
