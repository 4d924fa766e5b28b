// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ReportExport.h"

#include "charts/AnomalyChart.h"
#include "charts/ChartFactory.h"
#include "export/ReportWriter.h"
#include "report/Provenance.h"

#include <QChart>

namespace cpm {

namespace {

// The anomalies page: its four tables, the per-store one with the page's chart (stores in
// the report's order, most unusual first) and the rule as its definition.
void addAnomalySections(const AnomalyReport &report, QVector<ReportSection> *sections)
{
    const QString rates = QStringLiteral("Refused (cancelled) rate: refused (cancelled) transactions over all "
                                         "transactions of the row, every status counted. ");
    for (const MetricTable *table : report.tables()) {
        ReportSection section;
        section.table = *table;
        section.definition = rates + (table == &report.byStore ? AnomalyRule::text() : AnomalyRule::statusNote());
        if (table == &report.byStore) {
            section.makeChart = [stores = report.byStore] {
                QVector<int> rows;
                for (int row = 0; row < stores.rows.size(); ++row)
                    rows << row;
                return AnomalyChart::create(stores, rows, QPalette());
            };
        }
        *sections << section;
    }
}

} // namespace

ReportWriter reportWriter(const MetricsSnapshot &snapshot, ReportInfo info)
{
    info.filter = snapshot.filter;
    if (info.definitions.isEmpty()) {
        for (const QString &id : metricIds())
            info.definitions << qMakePair(metricTitle(id), metricDefinition(id));
        info.definitions << qMakePair(QStringLiteral("Anomalies"), AnomalyRule::text() + QLatin1Char(' ') + AnomalyRule::statusNote());
    }
    QVector<ReportSection> sections;
    const QStringList ids = metricIds();
    const QVector<const MetricTable *> tables = snapshot.tables();
    for (int i = 0; i < ids.size(); ++i) {
        const QString id = ids[i];
        ReportSection section;
        section.table = *tables.value(i);
        section.definition = metricDefinition(id);
        // Reports are printed: always the light chart theme, whatever the screen shows.
        section.makeChart = [id, snapshot] { return ChartFactory::forMetric(id, snapshot, ChartOptions()).chart; };
        sections << section;
    }
    addAnomalySections(snapshot.anomalies, &sections);
    return ReportWriter(info, sections);
}

Error exportReport(const QString &target, const MetricsSnapshot &snapshot, ReportInfo info, QStringList *written)
{
    return reportWriter(snapshot, std::move(info)).write(target, written);
}

} // namespace cpm
