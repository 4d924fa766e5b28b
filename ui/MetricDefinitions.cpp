// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricDefinitions.h"

#include "report/Provenance.h"

#include "metrics/MetricsSnapshot.h"

#include <QCoreApplication>

namespace cpm {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("MetricDefinitions", text); }

} // namespace

QString metricDefinitionsHtml()
{
    QString html = tr("<h3>Filters (every metric)</h3>"
                      "<p>Only transactions whose <b>status</b> is ticked count. The <b>time column</b> decides which "
                      "timestamp the date range uses: <i>happened_at</i> (when the payment happened at the terminal) "
                      "or <i>created_at</i> (when the platform recorded it). The range is inclusive, in whole days.</p>");
    const QStringList ids = metricIds();
    for (int i = 0; i < ids.size(); ++i) {
        html += QStringLiteral("<h3>%1. %2</h3><p>%3</p>")
                    .arg(i + 1)
                    .arg(metricTitle(ids[i]).toHtmlEscaped(), metricDefinition(ids[i]).toHtmlEscaped());
    }
    html += QStringLiteral("<h3>%1</h3><p>%2 %3</p>")
                .arg(tr("Anomalies"), AnomalyRule::text().toHtmlEscaped(), AnomalyRule::statusNote().toHtmlEscaped());
    html += tr("<h3>What is left out</h3><p>Store metrics cannot place transactions whose device or store is "
               "unknown; the notes under each chart say how many there are.</p>");
    return html;
}

} // namespace cpm
