// SPDX-License-Identifier: GPL-3.0-or-later
// Spread, not only averages (issue #13 item 5): metric 5's median and quartiles, metric 3's
// thin cells flagged, and the items tied with the 10th of a top list named. Both engines.
// Expected values: by hand (tests/fixtures/ties-at-cut/README.md, the quartile examples
// below) and from the independent answers in ../shared/data (skipped when absent).
#include "../common/ExpectedAnswers.h"
#include "../common/TestSupport.h"

#include "metrics/MetricsEngine.h"
#include "metrics/Spread.h"
#include "report/MetricsJson.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace cpm;

namespace {

const MetricsEngine::Backend kBackends[] = {MetricsEngine::Backend::Columnar, MetricsEngine::Backend::Sql};

MetricsSnapshot compute(Warehouse &warehouse, MetricsEngine::Backend backend, const MetricFilter &filter)
{
    MetricsEngine engine(warehouse.database(), QStringLiteral(":/sql"), backend);
    MetricsSnapshot snapshot;
    Error error;
    if (!engine.compute(filter, &snapshot, &error))
        qWarning("%s", qPrintable(error.toString()));
    return snapshot;
}

MetricFilter accepted()
{
    MetricFilter filter;
    filter.statuses = QStringList{QStringLiteral("accepted")};
    return filter;
}

/**
 * Quartile p of @p values as a spreadsheet's QUARTILE.INC computes it: rank h = 1 + p(n − 1),
 * then x[floor h] + (h − floor h)(x[floor h + 1] − x[floor h]), 1-based.
 */
double quartileInc(QVector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const double h = 1 + p * double(values.size() - 1);
    const int lower = int(h);
    const double below = values[lower - 1];
    const double above = lower < values.size() ? values[lower] : below;
    return below + (h - lower) * (above - below);
}

QStringList skus(int from, int to)
{
    QStringList list;
    for (int p = from; p <= to; ++p)
        list << QString::number(1000000000000LL + p);
    return list;
}

} // namespace

class TestSpread : public QObject
{
    Q_OBJECT

    test::TempWarehouse m_ties;

private slots:
    void initTestCase()
    {
        QVERIFY(m_ties.open());
        const ImportSummary summary = m_ties.import(test::extractOptions(test::fixture(QStringLiteral("ties-at-cut"))));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
    }

    void quartilesInterpolateBetweenRanks()
    {
        std::vector<double> four{4, 1, 3, 2};
        const std::optional<Spread> a = spreadOf(four);
        QVERIFY(a);
        // Positions 0.75, 1.5, 2.25 of 1, 2, 3, 4.
        QCOMPARE(a->n, 4);
        QCOMPARE(a->min, 1.0);
        QCOMPARE(a->q1, 1.75);
        QCOMPARE(a->median, 2.5);
        QCOMPARE(a->q3, 3.25);
        QCOMPARE(a->max, 4.0);
        std::vector<double> five{10, 50, 20, 40, 30};
        const std::optional<Spread> b = spreadOf(five);
        QCOMPARE(b->q1, 20.0);
        QCOMPARE(b->median, 30.0);
        QCOMPARE(b->q3, 40.0);
        std::vector<double> one{-7};
        const std::optional<Spread> c = spreadOf(one);
        QCOMPARE(c->q1, -7.0);
        QCOMPARE(c->median, -7.0);
        QCOMPARE(c->q3, -7.0);
        std::vector<double> none;
        QVERIFY(!spreadOf(none));
        QCOMPARE(describeSpreadInDays(*b).contains(QStringLiteral("n = 5")), true);
    }

    void topStoresNameTheTiesPastTheCut()
    {
        for (const auto backend : kBackends) {
            const MetricsSnapshot s = compute(m_ties.warehouse, backend, accepted());
            const MetricTable &t = s.topStores;
            QCOMPARE(t.rows.size(), 10);
            QCOMPARE(t.value(8, QStringLiteral("store_id")).toLongLong(), 9);
            QCOMPARE(t.value(9, QStringLiteral("store_id")).toLongLong(), 10);
            QCOMPARE(t.tieAtCut.value.toDouble(), 100.0);
            QCOMPARE(t.tieAtCut.beyondCut, 3);
            QCOMPARE(t.tieAtCut.named, (QStringList{QStringLiteral("11"), QStringLiteral("12"), QStringLiteral("13")}));
            QVERIFY2(t.notes.join(QLatin1Char('\n')).contains(QStringLiteral("3 more with the same total amount as rank 10")),
                     qPrintable(t.notes.join(QLatin1Char('\n'))));
        }
    }

    void topProductsNameTwentyAndCountTheRest()
    {
        for (const auto backend : kBackends) {
            const MetricsSnapshot s = compute(m_ties.warehouse, backend, accepted());
            const MetricTable &t = s.topProducts;
            QCOMPARE(t.rows.size(), 10);
            QCOMPARE(t.value(9, QStringLiteral("product_sku")).toString(), skus(10, 10).first());
            QCOMPARE(t.tieAtCut.value.toLongLong(), 1);
            QCOMPARE(t.tieAtCut.beyondCut, 24);
            QCOMPARE(t.tieAtCut.named, skus(11, 30));
            const QString notes = t.notes.join(QLatin1Char('\n'));
            QVERIFY2(notes.contains(QStringLiteral("1000000000030 and 4 more")), qPrintable(notes));
            const QJsonObject ties = snapshotToJson(s).value(QStringLiteral("ties_at_cut")).toObject();
            QCOMPARE(ties.value(QStringLiteral("top_products")).toObject().value(QStringLiteral("beyond_cut")).toInt(), 24);
            QCOMPARE(ties.value(QStringLiteral("top_stores")).toObject().value(QStringLiteral("named")).toArray().size(), 3);
        }
    }

    void noTieNoteWhenTheCutIsClean()
    {
        // Only refused transactions: none in the fixture, so no list is cut.
        MetricFilter refused;
        refused.statuses = QStringList{QStringLiteral("refused")};
        for (const auto backend : kBackends) {
            const MetricsSnapshot s = compute(m_ties.warehouse, backend, refused);
            QVERIFY(s.topStores.tieAtCut.isEmpty());
            QVERIFY(s.topProducts.tieAtCut.isEmpty());
            QVERIFY(!snapshotToJson(s).value(QStringLiteral("ties_at_cut")).toObject().contains(QStringLiteral("top_stores")));
        }
    }

    void thinCellsOfMetricThreeAreFlagged()
    {
        for (const auto backend : kBackends) {
            const MetricsSnapshot s = compute(m_ties.warehouse, backend, accepted());
            const MetricTable &t = s.avgByTypologyCountry;
            QMap<QString, QPair<qint64, bool>> cells;
            for (int r = 0; r < t.rows.size(); ++r)
                cells.insert(t.value(r, QStringLiteral("typology")).toString() + QLatin1Char('/') + t.value(r, QStringLiteral("country")).toString(),
                             {t.value(r, QStringLiteral("transactions")).toLongLong(), t.value(r, QStringLiteral("few_transactions")).toBool()});
            const QMap<QString, QPair<qint64, bool>> expected{{QStringLiteral("Florist/Belgium"), {32, false}},
                                                              {QStringLiteral("Bakery/France"), {8, false}},
                                                              {QStringLiteral("Bakery/Spain"), {2, true}},
                                                              {QStringLiteral("Kiosk/Spain"), {1, true}}};
            QCOMPARE(cells, expected);
            QVERIFY(t.notes.join(QLatin1Char('\n')).contains(QStringLiteral("2 of 4 typology × country cells")));
            QCOMPARE(exportText(true, ValueKind::Flag), QStringLiteral("true"));
        }
    }

    void sharedExtractSpreadMatchesTheAnswers_data()
    {
        QTest::addColumn<QString>("dir");
        const QString shared = test::sharedData();
        for (const char *extract : {"extract-full", "extract-resaved"}) {
            const QDir expected(QDir(shared).filePath(QString::fromLatin1(extract) + QStringLiteral("/expected")));
            if (shared.isEmpty())
                break;
            for (const QString &combination : expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
                QTest::newRow(qPrintable(QString::fromLatin1(extract) + QLatin1Char('/') + combination))
                    << expected.filePath(combination);
        }
    }

    /** Median and quartiles of the per-store seconds the independent implementation lists. */
    void sharedExtractSpreadMatchesTheAnswers()
    {
        if (test::sharedData().isEmpty())
            QSKIP("../shared/data is absent: the real-extract spread check is skipped");
        QFETCH(QString, dir);
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(QFileInfo(dir).dir().absolutePath() + QStringLiteral("/.."))).succeeded());
        QVector<double> fromFirst, fromCreated;
        for (const auto &row : test::readExpected(QDir(dir).filePath(QStringLiteral("time_to_5.csv")))) {
            fromFirst << row.value(QStringLiteral("seconds_1st_to_5th")).toDouble();
            fromCreated << row.value(QStringLiteral("seconds_store_created_to_5th")).toDouble();
        }
        QVERIFY(fromFirst.size() > 4);
        const MetricFilter filter = test::filterFromName(QFileInfo(dir).fileName());
        for (const auto backend : kBackends) {
            const MetricsSnapshot s = compute(w.warehouse, backend, filter);
            const std::optional<Spread> &a = s.timeToFifth.spread;
            const std::optional<Spread> &b = s.timeToFifth.spreadFromStoreCreated;
            QVERIFY(a && b);
            QCOMPARE(a->n, fromFirst.size());
            QVERIFY(test::near(a->min, *std::min_element(fromFirst.begin(), fromFirst.end())));
            QVERIFY(test::near(a->q1, quartileInc(fromFirst, 0.25)));
            QVERIFY(test::near(a->median, quartileInc(fromFirst, 0.5)));
            QVERIFY(test::near(a->q3, quartileInc(fromFirst, 0.75)));
            QVERIFY(test::near(a->max, *std::max_element(fromFirst.begin(), fromFirst.end())));
            QVERIFY(test::near(b->median, quartileInc(fromCreated, 0.5)));
            QVERIFY(test::near(b->q1, quartileInc(fromCreated, 0.25)));
            const QJsonObject json = snapshotToJson(s).value(QStringLiteral("time_to_5th_transaction")).toObject();
            QVERIFY(test::near(json.value(QStringLiteral("spread")).toObject().value(QStringLiteral("median")).toDouble(),
                               quartileInc(fromFirst, 0.5)));
            QVERIFY(json.value(QStringLiteral("spread_from_store_created")).isObject());
            QVERIFY(s.timeToFifthPerStore.notes.join(QLatin1Char('\n')).contains(QStringLiteral("Spread of 1st → 5th")));
        }
    }

    /**
     * With status accepted, 3770009015044, …047 and …073 all have 24 transactions (counted
     * from extract-full/transactions.csv by a throwaway script: status accepted, SKU trimmed,
     * 'v' prefix dropped); the answers list …044 as 10th, so …047 and …073 are cut.
     */
    void sharedExtractNamesTheProductsTiedAtTen()
    {
        const QString shared = test::sharedData();
        if (shared.isEmpty())
            QSKIP("../shared/data is absent");
        test::TempWarehouse w;
        QVERIFY(w.open());
        QVERIFY(w.import(test::extractOptions(QDir(shared).filePath(QStringLiteral("extract-full")))).succeeded());
        for (const auto backend : kBackends) {
            const MetricsSnapshot s = compute(w.warehouse, backend, accepted());
            QCOMPARE(s.topProducts.value(9, QStringLiteral("product_sku")).toString(), QStringLiteral("3770009015044"));
            QCOMPARE(s.topProducts.tieAtCut.value.toLongLong(), 24);
            QCOMPARE(s.topProducts.tieAtCut.beyondCut, 2);
            QCOMPARE(s.topProducts.tieAtCut.named,
                     (QStringList{QStringLiteral("3770009015047"), QStringLiteral("3770009015073")}));
        }
    }
};

QTEST_MAIN(TestSpread)
#include "tst_spread.moc"
