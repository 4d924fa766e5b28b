-- PostgreSQL import, before keep_replaced_raw_transactions.sql and the merge: what a degraded
-- copy lost never overwrites what is stored (as the SQLite upsert does row by row). A loaded SKU
-- in a spreadsheet's scientific notation (sku_kind 2, digits lost for good) takes the stored
-- whole SKU back, and a loaded row without card data takes the stored last four digits; the
-- replaced-version bookkeeping and the merge then see the row as it will be kept.
update load_raw_transactions as loaded
set
    product_sku = case when loaded.sku_kind = 2 and raw.sku_kind <> 2 then raw.product_sku else loaded.product_sku end,
    sku_kind = case when loaded.sku_kind = 2 and raw.sku_kind <> 2 then raw.sku_kind else loaded.sku_kind end,
    card_last4 = coalesce(loaded.card_last4, raw.card_last4)
from raw_transactions as raw
where raw.id = loaded.id
    and ((loaded.sku_kind = 2 and raw.sku_kind <> 2) or (loaded.card_last4 is null and raw.card_last4 is not null))
