// SPDX-License-Identifier: GPL-3.0-or-later
#include "MetricDefinitions.h"

#include <QCoreApplication>

namespace cpm {

QString metricDefinitionsHtml()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("MetricDefinitions", text); };
    return tr("<h3>Filters (every metric)</h3>"
              "<p>Only transactions whose <b>status</b> is ticked count. The <b>time column</b> decides which "
              "timestamp the date range uses: <i>happened_at</i> (when the payment happened at the terminal) or "
              "<i>created_at</i> (when the platform recorded it). The range is inclusive, in whole days.</p>"
              "<h3>1. Top 10 stores by transacted amount</h3>"
              "<p>Per store: the sum of <i>amount</i> and the number of matching transactions. A transaction "
              "belongs to the store of its device. Ties are broken by store id; a tie at the cut-off is flagged.</p>"
              "<h3>2. Top 10 products sold</h3>"
              "<p>Per product SKU: the number of matching transactions (items sold) and their amount. SKUs written "
              "as <i>v111</i> and <i>111</i> are the same product; the name shown is the SKU's most frequent one. "
              "Ties are broken by SKU.</p>"
              "<h3>3. Average transacted amount per store typology and country</h3>"
              "<p><b>Average per transaction</b>: sum of amounts ÷ number of transactions of the group's stores. "
              "<b>Average store total</b>: sum of amounts ÷ number of stores of the group with transactions.</p>"
              "<h3>4. Percentage of transactions per device type</h3>"
              "<p>Matching transactions per device type ÷ all matching transactions. Transactions whose device is "
              "not in devices.csv are shown as their own row, not dropped.</p>"
              "<h3>5. Average time for a store to perform its first 5 transactions</h3>"
              "<p>Per store with at least five matching transactions: time from its 1st to its 5th transaction "
              "(ordered by the time column, ties by id), averaged over those stores. The alternative clock starts at "
              "the store's <i>created_at</i>. Stores with fewer than five are counted and reported, not averaged.</p>"
              "<h3>What is left out</h3>"
              "<p>Store metrics cannot place transactions whose device or store is unknown; the notes under each "
              "chart say how many there are.</p>");
}

} // namespace cpm
