// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarMetrics.h"

#include "columnar/ColumnarCache.h"
#include "columnar/ColumnarFifth.h"
#include "columnar/ColumnarScan.h"
#include "columnar/ColumnarTable.h"
#include "metrics/MetricsEngine.h"
#include "metrics/MetricsShaping.h"

#include <QMap>

#include <algorithm>
#include <numeric>

namespace cpm::columnar {

namespace {

/** Indices with a non-zero count, best @p limit first by @p before (a strict order). */
template<typename Before>
std::vector<int> topIndices(std::size_t size, const std::vector<qint64> &count, std::size_t limit, Before before)
{
    std::vector<int> indices;
    for (std::size_t i = 0; i < size; ++i) {
        if (count[i] > 0)
            indices.push_back(int(i));
    }
    const std::size_t keep = std::min(limit, indices.size());
    std::partial_sort(indices.begin(), indices.begin() + std::ptrdiff_t(keep), indices.end(), before);
    indices.resize(keep);
    return indices;
}

/** How many of the first @p size @p values equal the one at best[topLimit - 1] (0: no cut). */
template<typename T>
qint64 tiedWithLast(const std::vector<int> &best, const std::vector<T> &values, const std::vector<qint64> &count,
                    std::size_t size)
{
    if (best.size() <= std::size_t(MetricsEngine::topLimit))
        return 0;
    const T last = values[std::size_t(best[MetricsEngine::topLimit - 1])];
    qint64 tied = 0;
    for (std::size_t i = 0; i < size; ++i)
        tied += count[i] > 0 && values[i] == last;
    return tied;
}

constexpr std::size_t fetched = MetricsEngine::topLimit + MetricsEngine::tieLookahead;

void topStores(const ColumnarTable &t, const Aggregates &a, MetricTable *table)
{
    shaping::describeTopStores(table);
    // Rows past the cut name the stores tied with the 10th; ties by store id = index.
    const auto best = topIndices(std::size_t(t.storeCount()), a.storeCount, fetched,
                                 [&](int x, int y) {
                                     const double ax = a.storeAmount[std::size_t(x)], ay = a.storeAmount[std::size_t(y)];
                                     return ax > ay || (ax == ay && x < y);
                                 });
    qint64 rank = 0;
    for (int s : best) {
        const Store &store = t.stores[std::size_t(s)];
        table->rows << QVariantList{++rank, store.id, store.name, store.typology, store.country,
                                    a.storeAmount[std::size_t(s)], a.storeCount[std::size_t(s)]};
    }
    // The slots past the stores count transactions of unknown devices and stores: not ranked.
    shaping::cutAtLimit(table, QStringLiteral("total_amount"), QStringLiteral("store_id"),
                        tiedWithLast(best, a.storeAmount, a.storeCount, std::size_t(t.storeCount())));
}

void topProducts(const ColumnarTable &t, const Aggregates &a, MetricTable *table)
{
    shaping::describeTopProducts(table);
    const std::size_t skus = t.skus.size();
    std::vector<qint64> count(skus);
    std::vector<double> amount(skus);
    std::vector<int> label(skus, -1); // the pair naming the SKU: most transactions, then name
    for (std::size_t p = 0; p < t.pairSku.size(); ++p) {
        if (a.pairCount[p] == 0)
            continue;
        const std::size_t sku = std::size_t(t.pairSku[p]);
        count[sku] += a.pairCount[p];
        amount[sku] += a.pairAmount[p];
        const int current = label[sku];
        if (current < 0 || a.pairCount[p] > a.pairCount[std::size_t(current)]
            || (a.pairCount[p] == a.pairCount[std::size_t(current)] && t.pairName[p] < t.pairName[std::size_t(current)]))
            label[sku] = int(p);
    }
    // The SKU dictionary is in byte order, so ties by SKU are ties by index.
    const auto best = topIndices(skus, count, fetched, [&](int x, int y) {
        return count[std::size_t(x)] > count[std::size_t(y)] || (count[std::size_t(x)] == count[std::size_t(y)] && x < y);
    });
    qint64 rank = 0;
    for (int sku : best) {
        const QByteArray &name = t.productNames[std::size_t(t.pairName[std::size_t(label[std::size_t(sku)])])];
        table->rows << QVariantList{++rank, QString::fromUtf8(t.skus[std::size_t(sku)]), QString::fromUtf8(name),
                                    count[std::size_t(sku)], amount[std::size_t(sku)]};
    }
    shaping::cutAtLimit(table, QStringLiteral("transactions"), QStringLiteral("product_sku"),
                        tiedWithLast(best, count, count, skus));
}

void avgByTypologyCountry(const ColumnarTable &t, const Aggregates &a, MetricTable *table)
{
    shaping::describeAvgByTypologyCountry(table);
    struct Group { qint64 stores = 0, transactions = 0; double total = 0; };
    std::vector<Group> groups(t.groups.size());
    for (std::size_t s = 0; s < t.stores.size(); ++s) {
        if (a.storeCount[s] == 0)
            continue;
        Group &g = groups[std::size_t(t.stores[s].group)];
        ++g.stores;
        g.transactions += a.storeCount[s];
        g.total += a.storeAmount[s];
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Group &g = groups[i];
        if (g.stores == 0)
            continue;
        table->rows << QVariantList{t.groups[i].typology, t.groups[i].country, g.transactions,
                                    g.total / double(g.transactions), g.total / double(g.stores), g.stores,
                                    t.groups[i].stores, g.total, QVariant()};
    }
    shaping::flagFewTransactions(table);
}

void deviceTypeShare(const ColumnarTable &t, const Aggregates &a, MetricTable *table)
{
    shaping::describeDeviceTypeShare(table);
    const qint64 all = std::accumulate(a.typeCount.begin(), a.typeCount.end(), qint64(0));
    // Index order is the SQL's device_type order (null first), the tie-break after the count.
    const auto types = topIndices(t.deviceTypes.size(), a.typeCount, t.deviceTypes.size(), [&](int x, int y) {
        return a.typeCount[std::size_t(x)] > a.typeCount[std::size_t(y)]
            || (a.typeCount[std::size_t(x)] == a.typeCount[std::size_t(y)] && x < y);
    });
    for (int type : types) {
        const auto &value = t.deviceTypes[std::size_t(type)];
        const qint64 n = a.typeCount[std::size_t(type)];
        table->rows << QVariantList{value ? QVariant(*value) : QVariant(), n, 100.0 * double(n) / double(all),
                                    a.typeAmount[std::size_t(type)]};
    }
    shaping::nameUnknownDevices(table);
}

Coverage coverage(const ColumnarTable &t, const Aggregates &a)
{
    Coverage c;
    for (std::size_t slot = 0; slot < a.storeCount.size(); ++slot) {
        c.transactions += a.storeCount[slot];
        c.totalAmount += a.storeAmount[slot];
        c.storesWithTransactions += slot < t.stores.size() && a.storeCount[slot] > 0;
    }
    c.withoutDevice = a.storeCount[std::size_t(t.unknownDeviceSlot())];
    c.withoutStore = a.storeCount[std::size_t(t.unknownStoreSlot())];
    for (std::size_t p = 0; p < t.pairSku.size(); ++p)
        c.lossySku += t.skuLossy[std::size_t(t.pairSku[p])] ? a.pairCount[p] : 0;
    c.storesTotal = t.storeCount();
    return c;
}

} // namespace

ColumnarMetrics::ColumnarMetrics(QSqlDatabase db, QString sqlRoot) : m_db(std::move(db)), m_root(std::move(sqlRoot)) {}

std::shared_ptr<const ColumnarTable> ColumnarMetrics::table(Error *error)
{
    const QString key = ColumnarCache::stateKey(m_db, m_root);
    if (!m_table || key != m_tableKey) {
        m_table = ColumnarCache::get(m_db, key, error, m_root);
        m_tableKey = key;
        m_storeLabels.reset();
        m_scratch = Aggregates();
    }
    return m_table;
}

bool ColumnarMetrics::compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error)
{
    const std::shared_ptr<const ColumnarTable> t = table(error);
    if (!t)
        return false;
    const Aggregates &a = evaluate(*t, ColumnarQuery::from(*t, filter), &m_scratch);
    topStores(*t, a, &snapshot->topStores);
    topProducts(*t, a, &snapshot->topProducts);
    avgByTypologyCountry(*t, a, &snapshot->avgByTypologyCountry);
    deviceTypeShare(*t, a, &snapshot->deviceTypeShare);
    if (!m_storeLabels)
        m_storeLabels = std::make_shared<const StoreLabels>(*t);
    timeToFifth(m_storeLabels, a, snapshot);
    snapshot->coverage = coverage(*t, a);
    return true;
}

bool ColumnarMetrics::filterDomain(FilterDomain *domain, Error *error)
{
    const std::shared_ptr<const ColumnarTable> t = table(error);
    if (!t)
        return false;
    QMap<QString, qint64> perStatus;
    const auto &happened = t->perStatus(TimeColumn::HappenedAt);
    for (qsizetype s = 0; s < t->statuses.size(); ++s) {
        const auto &counts = happened[std::size_t(s)].storeCount;
        const qint64 n = std::accumulate(counts.begin(), counts.end(), qint64(0));
        if (n > 0)
            perStatus[t->statuses[s]] += n;
    }
    for (auto it = perStatus.cbegin(); it != perStatus.cend(); ++it)
        domain->statuses.push_back({it.key(), it.value()});
    std::stable_sort(domain->statuses.begin(), domain->statuses.end(),
                     [](const FilterDomain::Status &x, const FilterDomain::Status &y) {
                         return x.transactions > y.transactions;
                     });
    const QDate epoch(1970, 1, 1);
    auto day = [](qint64 ts) { return ts >= 0 ? ts / 86400 : -((-ts + 86399) / 86400); };
    for (int side = 0; side < 2; ++side) {
        if (t->minTime[std::size_t(side)] == kNoTime)
            continue;
        domain->firstDay[side] = epoch.addDays(day(t->minTime[std::size_t(side)]));
        domain->lastDay[side] = epoch.addDays(day(t->maxTime[std::size_t(side)]));
    }
    return true;
}

} // namespace cpm::columnar
