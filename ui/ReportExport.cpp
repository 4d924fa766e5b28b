// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReportExport.h"

#include "MetricDefinitions.h"
#include "charts/ChartFactory.h"
#include "export/ReportWriter.h"

#include <QChart>

namespace cpm {

Error exportReport(const QString &target, const MetricsSnapshot &snapshot, const QString &warehousePath,
                   const QString &lastImport)
{
    ReportInfo info;
    info.filter = snapshot.filter;
    info.lastImport = QDateTime::fromString(lastImport, Qt::ISODate);
    info.extraProvenance << qMakePair(QStringLiteral("Warehouse"), warehousePath);
    QVector<ReportSection> sections;
    const QStringList ids = metricIds();
    const QVector<const MetricTable *> tables = snapshot.tables();
    for (int i = 0; i < ids.size(); ++i) {
        const QString id = ids[i];
        info.definitions << qMakePair(metricTitle(id), metricDefinition(id));
        ReportSection section;
        section.table = *tables.value(i);
        section.definition = metricDefinition(id);
        // Reports are printed: always the light chart theme, whatever the screen shows.
        section.makeChart = [id, snapshot] { return ChartFactory::forMetric(id, snapshot, ChartOptions()).chart; };
        sections << section;
    }
    return ReportWriter(info, sections).write(target);
}

} // namespace cpm
