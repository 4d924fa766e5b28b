// SPDX-License-Identifier: GPL-3.0-or-later
// The same extracts imported into an SQLite file and into a PostgreSQL team warehouse give the
// same metrics: the shared extracts (against their independently computed answers too) and a
// generated million-transaction extract, for all six filter combinations of the answers.
// The PostgreSQL numbers come from SQL on the server alone (no snapshot is kept there).
// Skips, saying why, without a test server (scripts/with-postgres.sh) or ../shared/data.
#include "../common/ExpectedAnswers.h"
#include "../common/PgTestServer.h"
#include "../common/TestSupport.h"

#include "explain/MetricExplainer.h"
#include "generate/ExtractGenerator.h"
#include "report/MetricsJson.h"

#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cpm;
using namespace cpm::test;

namespace {

// Sums of amounts are added in another order by each engine: equal to 12 significant digits.
QJsonValue canonical(const QJsonValue &value)
{
    if (value.isDouble())
        return QJsonValue(QString::number(value.toDouble(), 'g', 12));
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(canonical(item));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), canonical(it.value()));
        return out;
    }
    return value;
}

QByteArray metricsJson(Warehouse &warehouse, const MetricFilter &filter,
                       MetricsEngine::Backend backend = MetricsEngine::Backend::Columnar)
{
    MetricsEngine engine(warehouse.database(), QStringLiteral(":/sql"), backend);
    MetricsSnapshot snapshot;
    Error error;
    if (!engine.compute(filter, &snapshot, &error))
        return "error: " + error.toString().toUtf8();
    return QJsonDocument(canonical(snapshotToJson(snapshot)).toObject()).toJson(QJsonDocument::Compact);
}

/** The six filter combinations of the shared answers (their folder names), or the same six by hand. */
QStringList combinations()
{
    const QString shared = sharedData();
    if (!shared.isEmpty()) {
        const QDir expected(QDir(shared).filePath(QStringLiteral("extract-full/expected")));
        return expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    }
    return {QStringLiteral("accepted__happened_at"), QStringLiteral("accepted__created_at"),
            QStringLiteral("accepted+cancelled+refused__happened_at"), QStringLiteral("accepted+cancelled+refused__created_at"),
            QStringLiteral("accepted__happened_at__2022-11-01_2023-01-31"),
            QStringLiteral("accepted+refused__created_at__2022-11-01_2023-01-31")};
}

} // namespace

class TestPgParity : public QObject
{
    Q_OBJECT

private:
    SqlProject m_project;

    /** @p directory's extracts imported into a fresh team warehouse @p database. */
    void importIntoPostgres(const QString &database, const QString &directory, Warehouse *warehouse)
    {
        QString why;
        const QString uri = PgTestServer::freshDatabase(database, &why);
        QVERIFY2(!uri.isEmpty(), qPrintable(why));
        QVERIFY2(warehouse->open(uri, m_project), qPrintable(warehouse->error().toString()));
        QVERIFY(warehouse->isPostgres());
        const ImportSummary summary = Importer(*warehouse, m_project).run(extractOptions(directory));
        QVERIFY2(summary.succeeded(), qPrintable(summary.error.toString()));
    }

    /**
     * The SQLite file's metrics (its snapshot) against the team warehouse's, both ways the
     * server is read: every metric computed by the server (Sql, what cpm-cli does) and the
     * app's in-process snapshot built from the server's models (Columnar).
     */
    void compareEngines(TempWarehouse &sqlite, Warehouse &postgres)
    {
        for (const QString &combination : combinations()) {
            const MetricFilter filter = filterFromName(combination);
            const QByteArray fromSqlite = metricsJson(sqlite.warehouse, filter);
            for (const auto backend : {MetricsEngine::Backend::Sql, MetricsEngine::Backend::Columnar}) {
                const QByteArray fromPostgres = metricsJson(postgres, filter, backend);
                const char *how = backend == MetricsEngine::Backend::Sql ? "server SQL" : "snapshot from the server";
                QVERIFY2(!fromPostgres.startsWith("error"), fromPostgres.constData());
                if (fromSqlite != fromPostgres)
                    qWarning("%s (%s)\nSQLite:     %s\nPostgreSQL: %s", qPrintable(combination), how,
                             fromSqlite.left(600).constData(), fromPostgres.left(600).constData());
                QVERIFY2(fromSqlite == fromPostgres, qPrintable(combination + QStringLiteral(" (") + QLatin1String(how) + QLatin1Char(')')));
            }
        }
    }

private slots:
    void initTestCase()
    {
        CPM_SKIP_WITHOUT_POSTGRES();
        QVERIFY(m_project.load());
    }

    void sharedExtracts_data()
    {
        QTest::addColumn<QString>("extract");
        QTest::newRow("full") << QStringLiteral("extract-full");
        QTest::newRow("resaved") << QStringLiteral("extract-resaved");
    }

    // Both engines from the same extract, and the server's numbers against the shared answers.
    void sharedExtracts()
    {
        QFETCH(QString, extract);
        const QString root = sharedData();
        if (root.isEmpty())
            QSKIP("../shared/data is absent");
        const QString directory = QDir(root).filePath(extract);
        TempWarehouse sqlite;
        QVERIFY(sqlite.open());
        QVERIFY(sqlite.import(extractOptions(directory)).succeeded());
        Warehouse postgres;
        importIntoPostgres(QStringLiteral("cpm_parity_") + extract.section(QLatin1Char('-'), 1), directory, &postgres);
        if (QTest::currentTestFailed())
            return;
        const QDir expected(QDir(directory).filePath(QStringLiteral("expected")));
        for (const QString &combination : expected.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            MetricsSnapshot snapshot;
            Error error;
            // The server alone computes these (the shared answers), with no snapshot in between.
            QVERIFY2(MetricsEngine(postgres.database(), QStringLiteral(":/sql"), MetricsEngine::Backend::Sql)
                         .compute(filterFromName(combination), &snapshot, &error),
                     qPrintable(error.toString()));
            checkSnapshot(snapshot, expected.filePath(combination));
            QVERIFY2(!QTest::currentTestFailed(), qPrintable(combination));
        }
        compareEngines(sqlite, postgres);
    }

    // Explain on the server: the rows behind the top store add up to the answer known from the
    // workbook (Nec Ante Ltd, id 3: 9,383.00 over 20 accepted transactions by happened_at), and
    // the copyable script is for psql and lists the same rows when psql runs it.
    void explainOnServer()
    {
        const QString root = sharedData();
        if (root.isEmpty())
            QSKIP("../shared/data is absent");
        Warehouse postgres;
        importIntoPostgres(QStringLiteral("cpm_parity_explain"), QDir(root).filePath(QStringLiteral("extract-full")), &postgres);
        if (QTest::currentTestFailed())
            return;
        Explanation e;
        Error error;
        QVERIFY2(MetricExplainer(postgres.database()).explain(QStringLiteral("top_stores"), QStringLiteral("3"), MetricFilter(), &e, &error),
                 qPrintable(error.toString()));
        QCOMPARE(e.n, 20);
        QCOMPARE(e.figure(QStringLiteral("total_amount"))->value.toDouble(), 9383.0);
        QVERIFY(e.fromPostgres);
        const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        if (psql.isEmpty())
            QSKIP("psql is not installed: the copyable script is not run");
        QProcess process;
        process.start(psql, {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-F"), QString(QChar(0x1f)),
                             QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"),
                             PgTestServer::uriFor(QStringLiteral("cpm_parity_explain")), QStringLiteral("-f"), QStringLiteral("-")});
        QVERIFY(process.waitForStarted());
        process.write(e.psqlScript(QStringLiteral(":/sql")).toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QStringList rows = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 20);
        double cents = 0;
        const int amount = int(explainTransactionColumns(QStringLiteral("top_stores")).size()) - 3; // amount, status, card last
        for (const QString &row : rows)
            cents += qRound64(row.section(QChar(0x1f), amount, amount).toDouble() * 100);
        QCOMPARE(cents, 938300.0);
    }

    // A million generated transactions (card data, 'v' SKUs, quoted names) on both engines.
    void generatedMillion()
    {
        QTemporaryDir extract;
        GeneratorOptions options;
        options.transactions = 1000000;
        ExtractGenerator generator;
        QVERIFY2(generator.write(extract.path(), options), qPrintable(generator.error().toString()));
        TempWarehouse sqlite;
        QVERIFY(sqlite.open());
        QVERIFY(sqlite.import(extractOptions(extract.path())).succeeded());
        Warehouse postgres;
        importIntoPostgres(QStringLiteral("cpm_parity_million"), extract.path(), &postgres);
        if (QTest::currentTestFailed())
            return;
        compareEngines(sqlite, postgres);
    }
};

QTEST_GUILESS_MAIN(TestPgParity)
#include "tst_pg_parity.moc"
