-- Whether the connected role may import: write the raw tables and the bookkeeping.
select case when has_table_privilege('raw_transactions', 'insert')
              and has_table_privilege('raw_transactions', 'update')
              and has_table_privilege('import_batches', 'insert')
            then 1 else 0 end
