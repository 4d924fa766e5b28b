// SPDX-License-Identifier: GPL-3.0-or-later
// "Explain this number" on both real extract copies in ../shared/data, for every filter
// combination with expected answers: every row of every metric explained, its listed
// transactions adding up to the number the metrics engine shows and to the independent
// answer in expected/. Skips when ../shared/data is absent.
#include "../common/ExplainChecks.h"
#include "../common/TestSupport.h"

#include "metrics/MetricsEngine.h"

#include <map>
#include <memory>

using namespace cpm;

namespace {

using Row = QMap<QString, QString>;

/** The expected answer files are plain CSV without quoted fields; split on commas. */
QVector<Row> readExpected(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVector<Row> rows;
    const QStringList header = lines.value(0).trimmed().split(QLatin1Char(','));
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].trimmed().split(QLatin1Char(','));
        Row row;
        for (int c = 0; c < header.size(); ++c)
            row.insert(header[c], fields.value(c));
        rows << row;
    }
    return rows;
}

MetricFilter filterFromName(const QString &name)
{
    const QStringList parts = name.split(QStringLiteral("__"));
    MetricFilter filter;
    filter.statuses = parts[0].split(QLatin1Char('+'));
    parseTimeColumn(parts[1], &filter.timeColumn);
    if (parts.size() > 2) {
        filter.from = QDate::fromString(parts[2].section(QLatin1Char('_'), 0, 0), Qt::ISODate);
        filter.to = QDate::fromString(parts[2].section(QLatin1Char('_'), 1, 1), Qt::ISODate);
    }
    return filter;
}

bool near4(double a, double b)
{
    return qAbs(a - b) <= 1e-4 * std::max(1.0, qAbs(b));
}

} // namespace

class TestExplainShared : public QObject
{
    Q_OBJECT

private:
    std::map<QString, std::unique_ptr<test::TempWarehouse>> m_warehouses; // one import per extract

    /** Each expected row's key explained: figure @p figures[i] must equal column @p columns[i]. */
    void compareExpected(QSqlDatabase db, const QString &metric, const QVector<Row> &expected,
                         const std::function<QString(const Row &)> &key, const QStringList &columns,
                         const QStringList &figures, const MetricFilter &filter)
    {
        QVERIFY2(!expected.isEmpty(), qPrintable(metric));
        for (const Row &row : expected) {
            const Explanation e = test::explainOrFail(db, metric, key(row), filter);
            for (int i = 0; i < columns.size(); ++i) {
                const ExplainFigure *f = e.figure(figures[i]);
                QVERIFY(f);
                const double want = row.value(columns[i]).toDouble();
                QVERIFY2(near4(f->value.toDouble(), want),
                         qPrintable(QStringLiteral("%1 %2 %3: explained %4, expected %5")
                                        .arg(metric, key(row), columns[i]).arg(f->value.toDouble()).arg(want)));
            }
            test::checkRowsAddUp(e);
        }
    }

private slots:
    void extracts_data()
    {
        QTest::addColumn<QString>("extract");
        QTest::addColumn<QString>("combination");
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            return;
        for (const char *extract : {"extract-full", "extract-resaved"}) {
            const QDir expected(QDir(shared).filePath(QString::fromLatin1(extract) + QStringLiteral("/expected")));
            for (const QString &combination : expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
                QTest::newRow(qPrintable(QLatin1String(extract) + QLatin1Char('/') + combination))
                    << QString::fromLatin1(extract) << combination;
        }
    }

    void extracts()
    {
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent: explain on the real extracts is skipped");
        QFETCH(QString, extract);
        QFETCH(QString, combination);
        const QString root = QDir(shared).filePath(extract);
        auto &w = m_warehouses[extract];
        if (!w) {
            w = std::make_unique<test::TempWarehouse>();
            QVERIFY(w->open());
            const ImportSummary summary = w->import(test::extractOptions(root));
            QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        }
        const QSqlDatabase db = w->warehouse.database();
        const MetricFilter filter = filterFromName(combination);
        MetricsEngine engine(db);
        MetricsSnapshot snapshot;
        Error error;
        QVERIFY2(engine.compute(filter, &snapshot, &error), qPrintable(error.toString()));
        test::checkEveryRow(db, snapshot);
        if (QTest::currentTestFailed())
            return;

        const QDir dir(QDir(root).filePath(QStringLiteral("expected/") + combination));
        auto file = [&](const char *name) { return readExpected(dir.filePath(QLatin1String(name))); };
        auto column = [](const char *name) { return [name](const Row &r) { return r.value(QLatin1String(name)); }; };
        auto group = [](const Row &r) { return r.value(QStringLiteral("typology")) + QLatin1Char('/') + r.value(QStringLiteral("country")); };
        compareExpected(db, QStringLiteral("top_stores"), file("top_stores.csv"), column("store_id"),
                        {"total_amount", "transactions"}, {"total_amount", "transactions"}, filter);
        compareExpected(db, QStringLiteral("top_products"), file("top_products.csv"), column("sku"),
                        {"transactions", "total_amount"}, {"transactions", "total_amount"}, filter);
        compareExpected(db, QStringLiteral("avg_amount_by_typology_country"), file("avg_amount_by_typology_country.csv"),
                        group, {"transactions", "total_amount", "avg_amount"}, {"transactions", "total_amount", "avg_amount"}, filter);
        compareExpected(db, QStringLiteral("avg_amount_by_typology_country"), file("avg_store_total_by_typology_country.csv"),
                        group, {"stores", "avg_store_total", "stores_in_group"}, {"stores", "avg_store_total", "stores_in_group"}, filter);
        compareExpected(db, QStringLiteral("device_type_share"), file("device_type_share.csv"), column("device_type"),
                        {"transactions", "pct"}, {"transactions", "pct"}, filter);
        compareExpected(db, QStringLiteral("time_to_5th_transaction"), file("time_to_5.csv"), column("store_id"),
                        {"seconds_1st_to_5th", "seconds_store_created_to_5th"}, {"seconds", "seconds_from_store_created"}, filter);
    }

    void fullExtractCardsMasked()
    {
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent: the card check on the real extract is skipped");
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(QDir(shared).filePath(QStringLiteral("extract-full")))).succeeded());
        // Store 3 is the top store of the extract (accepted); its rows carry card numbers.
        const Explanation e = test::explainOrFail(w.warehouse.database(), QStringLiteral("top_stores"), QStringLiteral("3"),
                                                  MetricFilter());
        QVERIFY(e.n > 0);
        int cards = 0;
        for (int r = 0; r < e.transactions.rows.size(); ++r)
            cards += e.transactions.value(r, QStringLiteral("card")).isNull() ? 0 : 1;
        QCOMPARE(cards, int(e.n));
        QVERIFY(test::cardsMasked(e.transactions));
    }
};

QTEST_GUILESS_MAIN(TestExplainShared)
#include "tst_explain_shared.moc"
