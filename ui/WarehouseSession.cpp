// SPDX-License-Identifier: GPL-3.0-or-later
#include "WarehouseSession.h"

#include "report/Provenance.h"

#include "warehouse/Importer.h"
#include "warehouse/Warehouse.h"

#include <QLocale>

#include <algorithm>

namespace cpm {

WarehouseSession::WarehouseSession(QObject *parent)
    : QObject(parent)
{
}

WarehouseSession::~WarehouseSession() = default;

bool WarehouseSession::open(const QString &path)
{
    if (m_project.root().isEmpty() && !m_project.load()) {
        m_errorString = m_project.error().toString();
        return false;
    }
    auto warehouse = std::make_unique<Warehouse>();
    if (!warehouse->open(path, m_project)) {
        m_errorString = warehouse->error().toString();
        return false;
    }
    m_warehouse = std::move(warehouse);
    reload();
    return true;
}

bool WarehouseSession::isOpen() const
{
    return m_warehouse && m_warehouse->isOpen();
}

QString WarehouseSession::path() const
{
    return m_warehouse ? m_warehouse->path() : QString();
}

void WarehouseSession::reload()
{
    m_domain = FilterDomain();
    m_tests.clear();
    if (isOpen()) {
        MetricsEngine engine(m_warehouse->database());
        Error error;
        if (engine.hasData() && !engine.filterDomain(&m_domain, &error))
            m_errorString = error.toString();
        if (engine.hasData())
            m_tests = DataTestRunner(m_warehouse->database()).run(m_project.dataTests());
    }
    emit changed();
}

bool WarehouseSession::compute(const MetricFilter &filter, MetricsSnapshot *snapshot)
{
    if (!isOpen()) {
        m_errorString = tr("No warehouse is open.");
        return false;
    }
    MetricsEngine engine(m_warehouse->database());
    Error error;
    if (!engine.compute(filter, snapshot, &error)) {
        m_errorString = error.message.isEmpty() ? error.toString() : error.message;
        return false;
    }
    return true;
}

int WarehouseSession::failingDataTests() const
{
    return int(std::count_if(m_tests.begin(), m_tests.end(), [](const DataTestResult &r) { return !r.passed(); }));
}

QString WarehouseSession::rowCountsText() const
{
    if (!isOpen())
        return QString();
    const QLocale locale;
    QStringList parts;
    for (const char *table : {"stores", "devices", "transactions"}) {
        const QString name = QString::fromLatin1(table);
        const qint64 rows = m_warehouse->scalar(QStringLiteral("select count(*) from raw_") + name).toLongLong();
        parts << QStringLiteral("%1 %2").arg(name, locale.toString(rows));
    }
    return parts.join(QStringLiteral(" · "));
}

ReportInfo WarehouseSession::reportInfo() const
{
    ReportInfo info;
    info.extraProvenance << qMakePair(QStringLiteral("Warehouse"), path());
    Error ignored; // a report without provenance lines is still worth writing
    if (m_warehouse)
        loadProvenance(m_warehouse->database(), m_project.root(), &info, &ignored);
    return info;
}

QString WarehouseSession::lastImport() const
{
    if (!isOpen())
        return QString();
    return m_warehouse->scalar(QStringLiteral("select max(finished_at) from import_batches")).toString();
}

bool WarehouseSession::importFiles(const QString &path, const QStringList &files, const QString &source, QString *error)
{
    SqlProject project;
    Warehouse warehouse;
    if (!project.load() || !warehouse.open(path, project)) {
        *error = project.error().isError() ? project.error().toString() : warehouse.error().toString();
        return false;
    }
    ImportOptions options;
    for (const QString &file : files)
        options.files.push_back({file, FileRole::Unknown});
    options.source = source;
    Importer importer(warehouse, project);
    const ImportSummary summary = importer.run(options);
    if (!summary.succeeded())
        *error = summary.error.toString();
    return summary.succeeded();
}

} // namespace cpm
