insert into param_statuses (status) values (:status) on conflict (status) do nothing
