// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/MetricsEngine.h"
#include "report/ReportInfo.h"
#include "transform/DataTestRunner.h"
#include "transform/SqlProject.h"

#include <QObject>

#include <memory>

namespace cpm {

class Warehouse;

/** The open warehouse of the desktop app: its filter domain, metrics, data tests and bookkeeping. */
class WarehouseSession : public QObject
{
    Q_OBJECT

public:
    explicit WarehouseSession(QObject *parent = nullptr);
    ~WarehouseSession() override;

    /** Opens (creating if needed) @p path; false: see errorString(). */
    bool open(const QString &path);
    bool isOpen() const;
    QString path() const;
    QString errorString() const { return m_errorString; }

    /** Re-reads the domain, row counts and data tests (after an import); emits changed(). */
    void reload();
    bool hasData() const { return !m_domain.isEmpty(); }
    const FilterDomain &domain() const { return m_domain; }
    /** The five metrics for @p filter; false: see errorString(). */
    bool compute(const MetricFilter &filter, MetricsSnapshot *snapshot);

    const QVector<DataTestResult> &dataTests() const { return m_tests; }
    int failingDataTests() const;
    /** "stores 100 · devices 200 · transactions 3,000". */
    QString rowCountsText() const;
    /** When the newest import finished, or an empty string. */
    QString lastImport() const;

    /** Provenance for a report: imported files with hashes and counts, last import, this file. */
    ReportInfo reportInfo() const;

    /** Imports @p files into a new or existing warehouse at @p path (first-run demo data). */
    static bool importFiles(const QString &path, const QStringList &files, const QString &source, QString *error);

signals:
    void changed();

private:
    SqlProject m_project;
    std::unique_ptr<Warehouse> m_warehouse;
    FilterDomain m_domain;
    QVector<DataTestResult> m_tests;
    QString m_errorString;
};

} // namespace cpm
