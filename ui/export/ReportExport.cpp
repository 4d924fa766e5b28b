// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/ReportExport.h"

#include "charts/ChartFactory.h"
#include "export/ReportWriter.h"
#include "report/Provenance.h"

#include <QChart>

namespace cpm {

ReportWriter reportWriter(const MetricsSnapshot &snapshot, ReportInfo info)
{
    info.filter = snapshot.filter;
    if (info.definitions.isEmpty()) {
        for (const QString &id : metricIds())
            info.definitions << qMakePair(metricTitle(id), metricDefinition(id));
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
    return ReportWriter(info, sections);
}

Error exportReport(const QString &target, const MetricsSnapshot &snapshot, ReportInfo info, QStringList *written)
{
    return reportWriter(snapshot, std::move(info)).write(target, written);
}

} // namespace cpm
