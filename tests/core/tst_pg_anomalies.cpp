// SPDX-License-Identifier: GPL-3.0-or-later
// The anomaly SQL (sql/anomalies/) on a PostgreSQL team warehouse: tests/fixtures/anomalies
// imported into both engines gives the same four tables, byte for byte as CSV, under several
// ranges and both time columns, and the planted outlier is flagged on the server too.
// Needs scripts/with-postgres.sh (CPM_TEST_PG_URI); skipped otherwise.
#include "../common/PgTestServer.h"
#include "../common/TestSupport.h"

#include "anomalies/AnomalyQuery.h"
#include "report/TableWriters.h"

using namespace cpm;
using namespace cpm::test;

class TestPgAnomalies : public QObject
{
    Q_OBJECT

private:
    SqlProject m_project;

    static QString allTables(QSqlDatabase db, const MetricFilter &filter, qint64 *flagged)
    {
        AnomalyReport report;
        Error error;
        if (!AnomalyQuery(db).compute(filter, &report, &error))
            return QStringLiteral("error: ") + error.toString();
        *flagged = report.flaggedStores;
        QString text;
        for (const MetricTable *table : report.tables())
            text += toCsv(*table) + report.byStore.notes.join(QLatin1Char('\n'));
        return text;
    }

private slots:
    void initTestCase()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QVERIFY(m_project.load());
    }

    void sameAsSqlite()
    {
        const QString dir = fixture(QStringLiteral("anomalies"));
        TempWarehouse sqlite;
        QVERIFY(sqlite.open());
        QVERIFY(sqlite.import(extractOptions(dir)).succeeded());
        QString why;
        const QString uri = PgTestServer::freshDatabase(QStringLiteral("cpm_anomalies"), &why);
        QVERIFY2(!uri.isEmpty(), qPrintable(why));
        Warehouse postgres;
        QVERIFY2(postgres.open(uri, m_project), qPrintable(postgres.error().toString()));
        const ImportSummary summary = Importer(postgres, m_project).run(extractOptions(dir));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
        for (const TimeColumn column : {TimeColumn::HappenedAt, TimeColumn::CreatedAt}) {
            for (const auto &[from, to] : {std::pair{QDate(), QDate()}, std::pair{QDate(2022, 3, 15), QDate(2022, 3, 16)},
                                           std::pair{QDate(2022, 3, 17), QDate()}}) {
                MetricFilter filter;
                filter.timeColumn = column;
                filter.from = from;
                filter.to = to;
                qint64 flaggedLite = -1, flaggedPg = -1;
                const QString lite = allTables(sqlite.warehouse.database(), filter, &flaggedLite);
                const QString pg = allTables(postgres.database(), filter, &flaggedPg);
                QVERIFY2(!pg.startsWith(QStringLiteral("error")), qPrintable(pg));
                QCOMPARE(pg, lite);
                QCOMPARE(flaggedPg, flaggedLite);
                if (from.isNull())
                    QCOMPARE(flaggedPg, 1); // the planted outlier
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPgAnomalies)
#include "tst_pg_anomalies.moc"
