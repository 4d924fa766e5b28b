// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison fixture (tests/fixtures/diff-a, then diff-b on top) and its hand-known
// changes, shared by the SQLite, PostgreSQL, CLI, GUI and report suites. The working is in
// tests/fixtures/diff-a/README.md.
#pragma once

#include "TestSupport.h"

#include "diff/ImportDiff.h"
#include "metrics/MetricsEngine.h"

namespace cpm::test::diff {

inline ImportOptions batchA() { return extractOptions(fixture(QStringLiteral("diff-a"))); }
inline ImportOptions batchB() { return extractOptions(fixture(QStringLiteral("diff-b"))); }

/** One line per listed id: "id kind field,field" (fields in table order). */
inline QStringList changeLines(const EntityDiff &diff)
{
    QStringList lines;
    for (const EntityChange &change : diff.rows) {
        QStringList fields;
        for (const FieldChange &field : change.fields)
            fields << field.field;
        lines << QStringLiteral("%1 %2 %3").arg(change.id).arg(changeKindName(change.kind), fields.join(QLatin1Char(',')));
    }
    return lines;
}

/** What diff-b changes over diff-a, by construction (README): per entity, changeLines(). */
inline QStringList expectedStores()
{
    // 2: typology Grocery → Beauty; 3: renamed; 5: new (every field it has).
    return {QStringLiteral("2 changed typology"), QStringLiteral("3 changed name"),
            QStringLiteral("5 new name,address,city,country,created_at,typology,customer_id")};
}
inline QStringList expectedDevices() { return {QStringLiteral("6 new type,store_id")}; }
inline QStringList expectedTransactions()
{
    const QString all = QStringLiteral("device_id,product_name,product_sku,sku_kind,category_name,amount,status,card_last4,created_at,happened_at");
    return {QStringLiteral("3 changed amount"), QStringLiteral("14 changed status"), QStringLiteral("21 new ") + all,
            QStringLiteral("22 new ") + all, QStringLiteral("23 new ") + all};
}

/** The value of @p field in @p change ("old → new"), or an empty string. */
inline QString fieldMove(const EntityDiff &diff, qint64 id, const QString &field)
{
    for (const EntityChange &change : diff.rows) {
        if (change.id != id)
            continue;
        for (const FieldChange &f : change.fields) {
            if (f.field == field)
                return f.oldValue.toString() + QStringLiteral(" → ") + f.newValue.toString();
        }
    }
    return QString();
}

/** Runs the comparison of @p warehouse (default batches) under @p filter. */
inline bool compare(const Warehouse &warehouse, const SqlProject &project, const MetricFilter &filter,
                    ImportDiffResult *result, Error *error, qint64 from = 0, qint64 to = 0)
{
    DiffRequest request;
    request.filter = filter;
    request.fromBatch = from;
    request.toBatch = to;
    return ImportDiff(warehouse, project).run(request, result, error);
}

} // namespace cpm::test::diff
