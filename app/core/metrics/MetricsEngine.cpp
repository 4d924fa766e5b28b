// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/MetricsEngine.h"

#include "anomalies/AnomalyQuery.h"
#include "columnar/ColumnarMetrics.h"
#include "metrics/SqlMetrics.h"
#include "warehouse/ReadTransaction.h"
#include "warehouse/SqlFile.h"

#include <QElapsedTimer>

namespace cpm {

MetricsEngine::MetricsEngine(QSqlDatabase db, QString sqlRoot, Backend backend)
    : m_db(db), m_root(std::move(sqlRoot)), m_backend(backend)
{
    if (m_backend == Backend::Sql)
        m_sql = std::make_shared<SqlMetrics>(db, m_root);
    else
        m_columnar = std::make_shared<columnar::ColumnarMetrics>(db, m_root);
}

MetricsEngine::~MetricsEngine() = default;

bool MetricsEngine::hasData() const
{
    // dim_stores is built by every model refresh, whatever the marts are materialised as.
    return SqlFile::scalar(m_db, m_root, QStringLiteral("info/has_relation.sql"), {{QStringLiteral(":name"), QStringLiteral("dim_stores")}})
        .isValid();
}

bool MetricsEngine::compute(const MetricFilter &filter, MetricsSnapshot *snapshot, Error *error)
{
    QElapsedTimer timer;
    timer.start();
    *snapshot = MetricsSnapshot();
    snapshot->filter = filter;
    const ReadTransaction consistent(m_db, m_root);
    if (Error invalid = filter.validate()) {
        *error = invalid;
        return false;
    }
    if (!hasData()) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("the warehouse holds no data yet: import extracts first"));
        return false;
    }
    bool ok = m_sql ? m_sql->compute(filter, snapshot, error) : m_columnar->compute(filter, snapshot, error);
    // The snapshot holds each store as it is now, not its history: metric 3 read by the store
    // version at each transaction comes from SQL (dim_stores_history) on either backend.
    if (ok && !m_sql && filter.storeVersion == StoreVersion::AtTransaction)
        ok = SqlMetrics(m_db, m_root).avgByTypologyCountry(filter, &snapshot->avgByTypologyCountry, error);
    // Only when asked: the rates are SQL over the marts, seconds on millions of rows.
    if (ok && filter.anomalies)
        ok = computeAnomalies(filter, &snapshot->anomalies, error);
    snapshot->timeToFifth.storesTotal = snapshot->coverage.storesTotal;
    snapshot->milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return ok;
}

// Rates count every status, so only the time column and the range matter: toggling statuses
// reuses the last report. Always SQL over the marts (sql/anomalies/), on either backend.
bool MetricsEngine::computeAnomalies(const MetricFilter &filter, AnomalyReport *report, Error *error)
{
    const AnomalyReport *last = m_anomalies.get();
    if (last && last->filter.timeColumn == filter.timeColumn && last->filter.from == filter.from
        && last->filter.to == filter.to) {
        *report = *last;
        report->filter = filter;
        return true;
    }
    if (!AnomalyQuery(m_db, m_root).compute(filter, report, error))
        return false;
    m_anomalies = std::make_shared<AnomalyReport>(*report);
    return true;
}

bool MetricsEngine::filterDomain(FilterDomain *domain, Error *error)
{
    *domain = FilterDomain();
    const ReadTransaction consistent(m_db, m_root);
    if (!hasData())
        return true;
    return m_sql ? m_sql->filterDomain(domain, error) : m_columnar->filterDomain(domain, error);
}

} // namespace cpm
