-- Top products by items sold: per normalised SKU count(*) and sum(amount), ties by SKU;
-- labelled with the SKU's most frequent product name under the same filter.
-- Parameters: :time_col, :from_day, :to_day (days since 1970), :top (rows shown), :limit (rows fetched).
with

filtered as (
    select
        product_sku,
        product_name,
        max(sku_lossy) as sku_lossy,
        sum(transactions) as transactions,
        sum(total_amount) as total_amount
    from mart_product_daily
    where time_col = :time_col
        and day between :from_day and :to_day
        and status in (select status from param_statuses)
    group by product_sku, product_name
),

per_sku as (
    select
        product_sku,
        max(sku_lossy) as sku_lossy,
        sum(transactions) as transactions,
        sum(total_amount) as total_amount
    from filtered
    group by product_sku
),

names as (
    select
        product_sku,
        product_name,
        row_number() over (partition by product_sku order by transactions desc, product_name) as name_rank
    from filtered
),

ranked as (
    select
        row_number() over (order by per_sku.transactions desc, per_sku.product_sku) as rank,
        per_sku.product_sku,
        names.product_name,
        per_sku.transactions,
        per_sku.total_amount,
        per_sku.sku_lossy
    from per_sku
    join names on names.product_sku = per_sku.product_sku and names.name_rank = 1
),

-- How many SKUs share the value of the last one shown (rank :top), cut ones included:
-- the page names the ties that the tie-break pushed past the cut.
cut_value as (
    select transactions from ranked where rank = :top
),

final as (
    select
        ranked.*,
        (
            select count(*) from ranked as peers
            where peers.transactions = (select transactions from cut_value)
        ) as tied_with_last
    from ranked
    where rank <= :limit
)

select * from final order by rank
