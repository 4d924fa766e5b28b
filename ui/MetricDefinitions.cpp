// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricDefinitions.h"

#include "metrics/MetricsSnapshot.h"

#include <QCoreApplication>

namespace cpm {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("MetricDefinitions", text); }

} // namespace

QString metricDefinition(const QString &id)
{
    if (id == QLatin1String("top_stores"))
        return tr("Per store: the sum of amount and the number of matching transactions. A transaction belongs to "
                  "the store of its device. Ties are broken by store id; a tie at the cut-off is flagged.");
    if (id == QLatin1String("top_products"))
        return tr("Per product SKU: the number of matching transactions (items sold) and their amount. SKUs written "
                  "as v111 and 111 are the same product; the name shown is the most frequent one for the SKU. "
                  "Ties are broken by SKU.");
    if (id == QLatin1String("avg_amount_by_typology_country"))
        return tr("Average per transaction: sum of amounts ÷ number of transactions of the group's stores. "
                  "Average store total: sum of amounts ÷ number of stores of the group with transactions.");
    if (id == QLatin1String("device_type_share"))
        return tr("Matching transactions per device type ÷ all matching transactions. Transactions whose device is "
                  "not in devices.csv are shown as their own row, not dropped.");
    if (id == QLatin1String("time_to_5th_transaction"))
        return tr("Per store with at least five matching transactions: the time from its 1st to its 5th transaction "
                  "(ordered by the time column, ties by id), averaged over those stores. The alternative clock starts "
                  "at the store's created_at. Stores with fewer than five are counted and reported, not averaged.");
    return QString();
}

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
    html += tr("<h3>What is left out</h3><p>Store metrics cannot place transactions whose device or store is "
               "unknown; the notes under each chart say how many there are.</p>");
    return html;
}

} // namespace cpm
