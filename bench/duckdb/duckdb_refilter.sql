-- SPDX-License-Identifier: GPL-3.0-or-later
-- DuckDB side: the five metrics after a filter change. The same SQL as ../shared/bench-baseline/sqlite_refilter.sql
-- except in M5, where the timestamps are DuckDB TIMESTAMPs (the baseline's are epoch-second
-- INTEGERs), so their difference in seconds is epoch(ts5) - epoch(ts1).
-- M1 top 10 stores by sum(amount)
SELECT d.store_id, SUM(t.amount) AS total FROM transactions t JOIN devices d ON d.id = t.device_id
WHERE t.status IN ('accepted','refused') GROUP BY d.store_id ORDER BY total DESC LIMIT 10;
-- M2 top 10 product_sku by count(*)
SELECT product_sku, COUNT(*) AS n FROM transactions WHERE status IN ('accepted','refused')
GROUP BY product_sku ORDER BY n DESC, product_sku LIMIT 10;
-- M3 avg(amount) by typology, country
SELECT s.typology, s.country, AVG(t.amount) AS avg_amount FROM transactions t
JOIN devices d ON d.id = t.device_id JOIN stores s ON s.id = d.store_id
WHERE t.status IN ('accepted','refused') GROUP BY s.typology, s.country ORDER BY s.typology, s.country;
-- M4 % of transactions per device type
SELECT d.type, 100.0 * COUNT(*) / SUM(COUNT(*)) OVER () AS pct FROM transactions t
JOIN devices d ON d.id = t.device_id WHERE t.status IN ('accepted','refused') GROUP BY d.type ORDER BY d.type;
-- M5 avg over stores with >=5 tx of (5th - 1st timestamp), seconds
SELECT AVG(epoch(ts5) - epoch(ts1)) AS avg_seconds, COUNT(*) AS n_stores FROM (
  SELECT store_id, MAX(CASE WHEN rn = 1 THEN ts END) AS ts1, MAX(CASE WHEN rn = 5 THEN ts END) AS ts5
  FROM (SELECT d.store_id, t.created_at AS ts,
               row_number() OVER (PARTITION BY d.store_id ORDER BY t.created_at) AS rn
        FROM transactions t JOIN devices d ON d.id = t.device_id WHERE t.status IN ('accepted','refused')) r
  WHERE rn <= 5 GROUP BY store_id HAVING COUNT(*) = 5) x;
