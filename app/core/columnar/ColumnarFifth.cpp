// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnar/ColumnarFifth.h"

#include "columnar/Aggregates.h"
#include "columnar/ColumnarTable.h"
#include "metrics/MetricsShaping.h"

namespace cpm::columnar {

namespace {

/** Per-store rows of the stores with five: columns as shaping::describeTimeToFifth lays them out. */
class FifthPerStoreRows final : public RowSource
{
public:
    enum Column { StoreId, StoreName, Customer, FirstAt, FifthAt, Seconds, SecondsFromStoreCreated, ColumnCount };

    explicit FifthPerStoreRows(std::shared_ptr<const StoreLabels> labels) : m_labels(std::move(labels)) {}

    void add(std::size_t store, qint64 first, qint64 fifth)
    {
        m_store.push_back(qint32(store));
        m_first.push_back(first);
        m_fifth.push_back(fifth);
    }
    qsizetype rowCount() const override { return qsizetype(m_store.size()); }
    int columnCount() const override { return ColumnCount; }
    QVariant cell(qsizetype row, int column) const override
    {
        const std::size_t r = std::size_t(row), s = std::size_t(m_store[r]);
        switch (Column(column)) {
        case StoreId: return m_labels->ids[s];
        case StoreName: return m_labels->names[s];
        case Customer: return m_labels->customers[s];
        case FirstAt: return m_first[r];
        case FifthAt: return m_fifth[r];
        case Seconds: return m_fifth[r] - m_first[r];
        case SecondsFromStoreCreated: {
            const std::optional<qint64> &created = m_labels->createdAt[s];
            return created ? QVariant(m_fifth[r] - *created) : QVariant();
        }
        case ColumnCount: break;
        }
        return QVariant();
    }

private:
    std::shared_ptr<const StoreLabels> m_labels;
    std::vector<qint32> m_store;
    std::vector<qint64> m_first, m_fifth;
};

/** Rows of the stores with one to four matching transactions (listed, not averaged). */
class BelowFiveRows final : public RowSource
{
public:
    enum Column { StoreId, StoreName, Customer, Transactions, FirstAt, ColumnCount };

    explicit BelowFiveRows(std::shared_ptr<const StoreLabels> labels) : m_labels(std::move(labels)) {}

    void add(std::size_t store, int seen, qint64 first)
    {
        m_store.push_back(qint32(store));
        m_seen.push_back(quint8(seen));
        m_first.push_back(first);
    }
    qsizetype rowCount() const override { return qsizetype(m_store.size()); }
    int columnCount() const override { return ColumnCount; }
    QVariant cell(qsizetype row, int column) const override
    {
        const std::size_t r = std::size_t(row), s = std::size_t(m_store[r]);
        switch (Column(column)) {
        case StoreId: return m_labels->ids[s];
        case StoreName: return m_labels->names[s];
        case Customer: return m_labels->customers[s];
        case Transactions: return int(m_seen[r]); // an int, as the QVariant rows always held
        case FirstAt: return m_first[r];
        case ColumnCount: break;
        }
        return QVariant();
    }

private:
    std::shared_ptr<const StoreLabels> m_labels;
    std::vector<qint32> m_store;
    std::vector<quint8> m_seen;
    std::vector<qint64> m_first;
};

struct SecondsSum
{
    double seconds = 0;
    qint64 stores = 0;
    void add(double value) { seconds += value; ++stores; }
};

/** Per-customer averages over their stores with five, in customer order. */
class PerCustomerRows final : public RowSource
{
public:
    enum Column { CustomerId, Stores, AvgSeconds, AvgDays, ColumnCount };

    explicit PerCustomerRows(std::shared_ptr<const StoreLabels> labels) : m_labels(std::move(labels)) {}

    void add(std::size_t customer, const SecondsSum &sum)
    {
        m_customer.push_back(qint32(customer));
        m_sum.push_back(sum);
    }
    qsizetype rowCount() const override { return qsizetype(m_customer.size()); }
    int columnCount() const override { return ColumnCount; }
    QVariant cell(qsizetype row, int column) const override
    {
        const SecondsSum &sum = m_sum[std::size_t(row)];
        const double avg = sum.seconds / double(sum.stores);
        switch (Column(column)) {
        case CustomerId: return m_labels->customerIds[m_customer[std::size_t(row)]];
        case Stores: return sum.stores;
        case AvgSeconds: return avg;
        case AvgDays: return avg / 86400.0;
        case ColumnCount: break;
        }
        return QVariant();
    }

private:
    std::shared_ptr<const StoreLabels> m_labels;
    std::vector<qint32> m_customer;
    std::vector<SecondsSum> m_sum;
};

} // namespace

StoreLabels::StoreLabels(const ColumnarTable &t) : customerIds(t.customers)
{
    const std::size_t n = t.stores.size();
    ids.reserve(n);
    names.reserve(n);
    customers.reserve(n);
    createdAt.reserve(n);
    customerIndex.reserve(n);
    for (const Store &store : t.stores) {
        ids.push_back(store.id);
        names.push_back(store.name);
        customers.push_back(store.customer);
        createdAt.push_back(store.createdAt);
        customerIndex.push_back(store.customerIndex);
    }
}

void timeToFifth(const std::shared_ptr<const StoreLabels> &labels, const Aggregates &a, MetricsSnapshot *snapshot)
{
    shaping::describeTimeToFifth(snapshot);
    Q_ASSERT(snapshot->timeToFifthPerStore.columns.size() == FifthPerStoreRows::ColumnCount);
    Q_ASSERT(snapshot->timeToFifthBelowFive.columns.size() == BelowFiveRows::ColumnCount);
    Q_ASSERT(snapshot->timeToFifthPerCustomer.columns.size() == PerCustomerRows::ColumnCount);
    auto perStore = std::make_shared<FifthPerStoreRows>(labels);
    auto belowFive = std::make_shared<BelowFiveRows>(labels);
    auto perCustomerRows = std::make_shared<PerCustomerRows>(labels);
    qint64 storesWithAny = 0, storesWith5 = 0, fifthBeforeCreated = 0;
    // Sums of whole seconds (below 2^53) are exact, so they match the SQL's in any order.
    SecondsSum fromFirst, fromCreated;
    std::vector<double> fromFirstValues, fromCreatedValues;
    std::vector<SecondsSum> perCustomer(std::size_t(labels->customerIds.size()));
    for (std::size_t s = 0; s < labels->ids.size(); ++s) {
        const int seen = a.firstCount[s];
        const qint64 first = a.firstTime[s * Aggregates::kFirst];
        storesWithAny += seen > 0;
        if (seen < Aggregates::kFirst) {
            if (seen > 0)
                belowFive->add(s, seen, first);
            continue;
        }
        const qint64 fifth = a.firstTime[s * Aggregates::kFirst + Aggregates::kFirst - 1];
        ++storesWith5;
        fromFirst.add(double(fifth - first));
        fromFirstValues.push_back(double(fifth - first));
        perCustomer[std::size_t(labels->customerIndex[s])].add(double(fifth - first));
        if (const std::optional<qint64> &created = labels->createdAt[s]) {
            fromCreated.add(double(fifth - *created));
            fromCreatedValues.push_back(double(fifth - *created));
            fifthBeforeCreated += fifth < *created;
        }
        perStore->add(s, first, fifth);
    }
    snapshot->timeToFifthPerStore.rows = MetricRows(std::move(perStore));
    snapshot->timeToFifthBelowFive.rows = MetricRows(std::move(belowFive));
    TimeToFifthSummary &summary = snapshot->timeToFifth;
    summary.storesWithAny = storesWithAny;
    summary.storesWith5 = storesWith5;
    summary.fifthBeforeStoreCreated = fifthBeforeCreated;
    if (fromFirst.stores)
        summary.avgSeconds = fromFirst.seconds / double(fromFirst.stores);
    if (fromCreated.stores)
        summary.avgSecondsFromStoreCreated = fromCreated.seconds / double(fromCreated.stores);
    summary.spread = spreadOf(fromFirstValues);
    summary.spreadFromStoreCreated = spreadOf(fromCreatedValues);
    for (std::size_t c = 0; c < perCustomer.size(); ++c) {
        if (perCustomer[c].stores > 0)
            perCustomerRows->add(c, perCustomer[c]);
    }
    snapshot->timeToFifthPerCustomer.rows = MetricRows(std::move(perCustomerRows));
    shaping::noteSpread(snapshot);
    shaping::noteFifthBeforeStoreCreated(snapshot);
}

} // namespace cpm::columnar
