// SPDX-License-Identifier: GPL-3.0-or-later
// Names that end up in SQL text (relations, indexes, columns) only come from validated
// identifiers: a malformed or unknown name is refused with a clear error, never run.
#include "transform/ModelGraph.h"
#include "transform/ModelRunner.h"
#include "transform/SqlIdentifier.h"
#include "transform/SqlProject.h"
#include "transform/SqlTemplate.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cpm;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

TransformModel viewModel(const QString &name, const QString &sql)
{
    TransformModel m;
    m.name = name;
    m.layer = QStringLiteral("staging");
    m.path = QStringLiteral("/p/staging/%1.sql").arg(name);
    m.sql = sql;
    return m;
}

} // namespace

class TestSqlIdentifiers : public QObject
{
    Q_OBJECT

    QSqlDatabase m_db;

    /** Relations of the test database, to check that nothing was created or dropped. */
    QStringList relations() const
    {
        QSqlQuery query(m_db);
        QStringList names;
        query.exec(QStringLiteral("select name from sqlite_master order by name"));
        while (query.next())
            names << query.value(0).toString();
        return names;
    }

private slots:
    void init()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("identifiers"));
        m_db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(m_db.open());
        QSqlQuery query(m_db);
        QVERIFY(query.exec(QStringLiteral("create table model_runs (model text, materialization text, row_count integer, "
                                          "milliseconds real, finished_at text)")));
        QVERIFY(query.exec(QStringLiteral("create table keep_me (x integer)")));
    }

    void cleanup()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("identifiers"));
    }

    void plainNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("plain");
        QTest::newRow("model") << "fct_transactions" << true;
        QTest::newRow("leading underscore") << "_tmp2" << true;
        QTest::newRow("upper case") << "Dim_Stores" << false;
        QTest::newRow("leading digit") << "1st_model" << false;
        QTest::newRow("dash") << "dim-stores" << false;
        QTest::newRow("injection") << "dim_stores; drop table keep_me" << false;
        QTest::newRow("quoted") << "\"dim_stores\"" << false;
        QTest::newRow("empty") << "" << false;
    }

    void plainNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, plain);
        QCOMPARE(SqlIdentifier::isPlain(name), plain);
    }

    void unknownOrMalformedModelIsRefused()
    {
        const QStringList known{QStringLiteral("stg_items"), QStringLiteral("fct_items")};
        Error error;
        QVERIFY(SqlIdentifier::oneOf(QStringLiteral("fct_items"), known, QStringLiteral("model"), &error).isValid());
        QVERIFY(!error);

        const SqlIdentifier unknown = SqlIdentifier::oneOf(QStringLiteral("mart_items"), known, QStringLiteral("model"), &error);
        QVERIFY(!unknown.isValid());
        QCOMPARE(error.message, QStringLiteral("unknown model"));
        QCOMPARE(error.value, QStringLiteral("mart_items"));
        QCOMPARE(error.expected, QStringLiteral("one of the project's models"));

        error = Error();
        const QString bad = QStringLiteral("fct_items; drop table keep_me");
        QVERIFY(!SqlIdentifier::oneOf(bad, QStringList(known) << bad, QStringLiteral("model"), &error).isValid());
        QCOMPARE(error.message, QStringLiteral("malformed model name"));
        QCOMPARE(error.value, bad);
    }

    void indexColumns()
    {
        Error error;
        QCOMPARE(SqlIdentifier::columnList(QStringLiteral("id,name"), &error).text(), QStringLiteral("id, name"));
        const SqlIdentifier index = SqlIdentifier::indexName(SqlIdentifier::oneOf(QStringLiteral("fct_items"), {QStringLiteral("fct_items")},
                                                                                  QStringLiteral("model"), &error),
                                                             SqlIdentifier::columnList(QStringLiteral(" day , store_id "), &error));
        QCOMPARE(index.text(), QStringLiteral("fct_items__day_store_id"));
        QVERIFY(!error);
        QVERIFY(!SqlIdentifier::columnList(QStringLiteral("day) ; drop table keep_me --"), &error).isValid());
        QCOMPARE(error.message, QStringLiteral("malformed column name in an index"));
        QVERIFY(!SqlIdentifier::columnList(QStringLiteral("day,"), &error).isValid());
    }

    void templateTakesOnlyValidIdentifiers()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("runner/t.sql")), "-- a comment {{ ignored }}\nselect {{ select }} from {{ relation }}\n");
        Error error;
        const SqlIdentifier relation = SqlIdentifier::oneOf(QStringLiteral("keep_me"), {QStringLiteral("keep_me")}, QStringLiteral("model"), &error);
        // What goes in is not scanned again: a "{{" in the select stays for the engine to report.
        const QString sql = SqlTemplate(dir.path(), QStringLiteral("runner/t.sql"))
                                .set(QStringLiteral("relation"), relation)
                                .setSelect(QStringLiteral("'{{ relation }}'"))
                                .render(&error);
        QCOMPARE(sql, QStringLiteral("select '{{ relation }}' from keep_me"));
        QVERIFY(!error);

        // An invalid identifier leaves its placeholder unfilled: the statement is refused.
        const QString refused = SqlTemplate(dir.path(), QStringLiteral("runner/t.sql"))
                                    .set(QStringLiteral("relation"), SqlIdentifier())
                                    .setSelect(QStringLiteral("1"))
                                    .render(&error);
        QVERIFY(refused.isEmpty());
        QCOMPARE(error.file, QStringLiteral("runner/t.sql"));
        QCOMPARE(error.value, QStringLiteral("relation"));
    }

    void runnerRefusesMalformedModelName()
    {
        // A graph can be built from any models (the project loader is not the only source):
        // the runner checks each name before it goes into create/drop statements.
        ModelGraph graph;
        QVERIFY(graph.build({viewModel(QStringLiteral("keep_me; drop table keep_me"), QStringLiteral("select 1 as x"))}));
        ModelRunner runner(m_db);
        QVERIFY(!runner.run(graph));
        QCOMPARE(runner.error().file, QStringLiteral("/p/staging/keep_me; drop table keep_me.sql"));
        QVERIFY2(runner.error().message.contains(QStringLiteral("malformed model name")), qPrintable(runner.error().message));
        QCOMPARE(relations(), (QStringList{QStringLiteral("keep_me"), QStringLiteral("model_runs")}));
    }

    void runnerRefusesMalformedIndexColumns()
    {
        TransformModel table = viewModel(QStringLiteral("fct_items"), QStringLiteral("select 1 as x"));
        table.materialization = TransformModel::Materialization::Table;
        table.indexes = QStringList{QStringLiteral("x); drop table keep_me; --")};
        ModelGraph graph;
        QVERIFY(graph.build({table}));
        ModelRunner runner(m_db);
        QVERIFY(!runner.run(graph));
        QVERIFY2(runner.error().message.contains(QStringLiteral("malformed column name in an index")),
                 qPrintable(runner.error().message));
        QCOMPARE(runner.error().value, QStringLiteral("x); drop table keep_me; --"));
        QVERIFY(relations().contains(QStringLiteral("keep_me")));
    }

    void projectRefusesUpperCaseModelFile()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("staging/Stg_Items.sql")), "select 1 as x\n");
        SqlProject project;
        QVERIFY(!project.load(dir.path()));
        QCOMPARE(project.error().value, QStringLiteral("Stg_Items"));
        QVERIFY(project.error().file.endsWith(QStringLiteral("staging/Stg_Items.sql")));
    }
};

QTEST_GUILESS_MAIN(TestSqlIdentifiers)
#include "tst_sql_identifiers.moc"
