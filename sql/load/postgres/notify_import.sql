-- Tells listening readers of a team warehouse that an import landed (delivered at commit).
select pg_notify('cpm_import', cast(:batch_id as text))
