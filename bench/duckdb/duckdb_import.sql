-- SPDX-License-Identifier: GPL-3.0-or-later
-- DuckDB side of the benchmark: the three extracts loaded and typed in one pass each, with
-- read_csv and explicit column types (the types sqlite_transform.sql gives them; DuckDB's
-- TIMESTAMP stands for the baseline's epoch-second INTEGER). Run from the extract's folder.
-- No primary keys: sqlite's INTEGER PRIMARY KEY is the rowid (free), a DuckDB key would be
-- an extra index that none of the metrics uses.
CREATE TABLE devices AS SELECT * FROM read_csv('devices.csv', header = true, delim = ',', quote = '"', escape = '"',
  columns = {'id': 'BIGINT', 'type': 'BIGINT', 'store_id': 'BIGINT'});
CREATE TABLE stores AS SELECT * FROM read_csv('stores.csv', header = true, delim = ',', quote = '"', escape = '"',
  timestampformat = '%m/%d/%Y %H:%M:%S',
  columns = {'id': 'BIGINT', 'name': 'VARCHAR', 'address': 'VARCHAR', 'city': 'VARCHAR', 'country': 'VARCHAR',
             'created_at': 'TIMESTAMP', 'typology': 'VARCHAR', 'customer_id': 'BIGINT'});
CREATE TABLE transactions AS SELECT * FROM read_csv('transactions.csv', header = true, delim = ',', quote = '"', escape = '"',
  timestampformat = '%m/%d/%Y %H:%M:%S',
  columns = {'id': 'BIGINT', 'device_id': 'BIGINT', 'product_name': 'VARCHAR', 'product_sku': 'VARCHAR',
             'category_name': 'VARCHAR', 'amount': 'DOUBLE', 'status': 'VARCHAR', 'card_number': 'VARCHAR',
             'cvv': 'VARCHAR', 'created_at': 'TIMESTAMP', 'happened_at': 'TIMESTAMP'});
CHECKPOINT;
