// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/DataTestRunner.h"
#include "transform/ModelGraph.h"
#include "transform/ModelRunner.h"
#include "transform/SqlDialect.h"
#include "transform/SqlProject.h"
#include "warehouse/SqlFile.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cpm;

namespace {

void writeFile(const QString &root, const QString &relative, const QString &text)
{
    const QString path = root + QLatin1Char('/') + relative;
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text.toUtf8());
}

/** Raw table → staging view → core table with two indexes → mart table, plus tests and a metric. */
void writeProject(const QString &root)
{
    writeFile(root, QStringLiteral("warehouse/000_meta.sql"),
              QStringLiteral("create table if not exists model_runs (model text not null, materialization text not null,\n"
                             "  row_count integer, milliseconds real not null, finished_at text not null);\n"));
    writeFile(root, QStringLiteral("warehouse/010_raw.sql"),
              QStringLiteral("create table raw_items (id integer primary key, ts integer, name text);\n"
                             "insert into raw_items values (1, -1, 'a;b'), (2, 86399, 'c'), (3, 86400, null); -- done; really\n"
                             "/* trailing ; comment */\n"));
    writeFile(root, QStringLiteral("staging/stg_items.sql"),
              QStringLiteral("-- Items with their day.\n"
                             "select id, ts, {{ epoch_day('ts') }} as day, {{ iso_timestamp('ts') }} as iso,\n"
                             "    coalesce(name, '') as name\nfrom {{ ref('raw_items') }}\n"));
    writeFile(root, QStringLiteral("core/fct_items.sql"),
              QStringLiteral("{{ config(materialized='table', indexes='day|id, name') }}\n"
                             "select * from {{ ref('stg_items') }} -- all of them\n"));
    writeFile(root, QStringLiteral("marts/mart_daily.sql"),
              QStringLiteral("{{ config(materialized='table') }}\n"
                             "select day, count(*) as items from {{ ref('fct_items') }} group by day;\n"));
    writeFile(root, QStringLiteral("tests/assert_has_id.sql"),
              QStringLiteral("\n-- Items without an id.\nselect * from {{ ref('fct_items') }} where id is null\n"));
    writeFile(root, QStringLiteral("tests/assert_many_per_day.sql"),
              QStringLiteral("-- Days with a single item.\nselect day, items from {{ ref('mart_daily') }} where items = 1\n"));
    writeFile(root, QStringLiteral("tests/assert_broken.sql"),
              QStringLiteral("-- Refers to a table that does not exist.\nselect * from no_such_table\n"));
    writeFile(root, QStringLiteral("metrics/daily.sql"), QStringLiteral("select * from mart_daily where day = :day\n"));
}

TransformModel model(const QString &name, const QString &layer, const QStringList &refs)
{
    TransformModel m;
    m.name = name;
    m.layer = layer;
    m.path = QStringLiteral("/p/%1/%2.sql").arg(layer, name);
    m.refs = refs;
    return m;
}

QStringList names(const QVector<TransformModel> &models)
{
    QStringList result;
    for (const TransformModel &m : models)
        result.append(m.name);
    return result;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return QStringLiteral("error: ") + query.lastError().text();
    return query.value(0);
}

} // namespace

class TestTransform : public QObject
{
    Q_OBJECT

private:
    QSqlDatabase m_db;
    QTemporaryDir m_dir;
    SqlProject m_project;

    void applyWarehouse() { applyWarehouse(m_project); }

    void applyWarehouse(const SqlProject &project)
    {
        for (const auto &script : project.warehouseScripts()) {
            // Rendered as Warehouse::applyScripts does: the scripts carry column-type macros.
            for (const QString &statement : splitSqlStatements(SqlDialect().render(script.second))) {
                QSqlQuery query(m_db);
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
            }
        }
    }

private slots:
    void init()
    {
        static int counter = 0;
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tst_transform_%1").arg(++counter));
        m_db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(m_db.open());
        QVERIFY(m_dir.isValid());
        writeProject(m_dir.path());
        QVERIFY2(m_project.load(m_dir.path()), qPrintable(m_project.error().toString()));
    }

    void cleanup()
    {
        const QString name = m_db.connectionName();
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
    }

    void renderRefsAndConfig()
    {
        const SqlDialect dialect;
        QCOMPARE(dialect.render(QStringLiteral("{{ config(materialized='table') }}\nselect * from {{ref(\"a\")}} join {{ ref('b') }}")),
                 QStringLiteral("\nselect * from a join b"));
        // Unknown macros stay so the engine's error points at them.
        QCOMPARE(dialect.render(QStringLiteral("select {{ source('x') }}")), QStringLiteral("select {{ source('x') }}"));
    }

    void epochDay_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<qint64>("day");
        QTest::newRow("-86401") << qint64(-86401) << qint64(-2);
        QTest::newRow("-86400") << qint64(-86400) << qint64(-1);
        QTest::newRow("-1") << qint64(-1) << qint64(-1);
        QTest::newRow("0") << qint64(0) << qint64(0);
        QTest::newRow("86399") << qint64(86399) << qint64(0);
        QTest::newRow("86400") << qint64(86400) << qint64(1);
        QTest::newRow("2024") << qint64(1704067200) << qint64(19723);
    }

    void epochDay()
    {
        QFETCH(qint64, seconds);
        QFETCH(qint64, day);
        const QString sql = SqlDialect().render(QStringLiteral("select {{ epoch_day('%1') }}").arg(seconds));
        const QVariant value = scalar(m_db, sql);
        QCOMPARE(value.toLongLong(), day);
        QCOMPARE(scalar(m_db, QStringLiteral("select typeof(%1)").arg(sql.mid(7))).toString(), QStringLiteral("integer"));
    }

    void isoTimestamp()
    {
        const SqlDialect dialect;
        QCOMPARE(scalar(m_db, dialect.render(QStringLiteral("select {{ iso_timestamp('0') }}"))).toString(),
                 QStringLiteral("1970-01-01T00:00:00"));
        QCOMPARE(scalar(m_db, dialect.render(QStringLiteral("select {{ iso_timestamp('86400 + 3661') }}"))).toString(),
                 QStringLiteral("1970-01-02T01:01:01"));
        // Quotes inside a macro argument are doubled, as in SQL.
        QCOMPARE(scalar(m_db, dialect.render(QStringLiteral("select {{ iso_timestamp('strftime(''%s'', ''1970-01-03'')') }}"))).toString(),
                 QStringLiteral("1970-01-03T00:00:00"));
    }

    void postgresRendering()
    {
        const SqlDialect pg(SqlDialect::Engine::Postgres);
        QCOMPARE(pg.render(QStringLiteral("{{ epoch_day('t.ts') }}")), QStringLiteral("floor((t.ts) / 86400.0)::bigint"));
        QCOMPARE(pg.render(QStringLiteral("{{ iso_timestamp('ts') }}")),
                 QStringLiteral("to_char(to_timestamp(ts) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"));
    }

    void splitStatements()
    {
        const QString script = QStringLiteral("create table t (a text default 'x;''y');\n"
                                              "-- a comment; with a semicolon\n"
                                              "insert into \"we;ird\" values (1) /* ; */;;\n"
                                              "  ;  -- only a comment at the end;\n/* and ; another */");
        const QStringList statements = splitSqlStatements(script);
        QCOMPARE(statements.size(), 2);
        QCOMPARE(statements.at(0), QStringLiteral("create table t (a text default 'x;''y')"));
        QVERIFY(statements.at(1).endsWith(QStringLiteral("insert into \"we;ird\" values (1) /* ; */")));
        QVERIFY(splitSqlStatements(QStringLiteral("  ; -- x\n")).isEmpty());
    }

    void loadProject()
    {
        QCOMPARE(m_project.warehouseScripts().size(), 2);
        QVERIFY(m_project.warehouseScripts().at(0).first.endsWith(QStringLiteral("000_meta.sql")));
        QCOMPARE(names(m_project.models()), (QStringList{"stg_items", "fct_items", "mart_daily"}));
        const TransformModel &fct = m_project.models().at(1);
        QCOMPARE(fct.layer, QStringLiteral("core"));
        QCOMPARE(fct.materialization, TransformModel::Materialization::Table);
        QCOMPARE(fct.indexes, (QStringList{"day", "id, name"}));
        QCOMPARE(fct.refs, QStringList{"stg_items"});
        QCOMPARE(m_project.models().at(0).materialization, TransformModel::Materialization::View);
        QCOMPARE(m_project.dataTests().size(), 3);
        QCOMPARE(m_project.dataTests().at(1).name, QStringLiteral("assert_has_id"));
        QCOMPARE(m_project.dataTests().at(1).description, QStringLiteral("Items without an id."));
        QCOMPARE(m_project.dataTests().at(1).refs, QStringList{"fct_items"});
        QCOMPARE(m_project.metricNames(), QStringList{"daily"});
        QVERIFY(m_project.metricSql(QStringLiteral("daily")).contains(QStringLiteral(":day")));
        QVERIFY(m_project.metricSql(QStringLiteral("absent")).isNull());
    }

    void badConfig()
    {
        QTemporaryDir dir; // its own: the shared project must stay loadable
        writeProject(dir.path());
        writeFile(dir.path(), QStringLiteral("core/bad_model.sql"),
                  QStringLiteral("{{ config(materialized='ephemeral') }}\nselect 1"));
        SqlProject project;
        QVERIFY(!project.load(dir.path()));
        QVERIFY(project.error().file.endsWith(QStringLiteral("core/bad_model.sql")));
        QVERIFY(project.error().toString().contains(QStringLiteral("bad_model.sql")));
        QVERIFY(project.error().toString().contains(QStringLiteral("ephemeral")));
        QVERIFY(!project.load(dir.path() + QStringLiteral("/nowhere")));
        writeFile(dir.path(), QStringLiteral("core/bad_model.sql"), QStringLiteral("{{ config(size='big') }}\nselect 1"));
        QVERIFY(!project.load(dir.path()));
        QVERIFY(project.error().toString().contains(QStringLiteral("size")));
        QFile::remove(dir.path() + QStringLiteral("/core/bad_model.sql"));
        writeFile(dir.path(), QStringLiteral("marts/bad-name.sql"), QStringLiteral("select 1"));
        QVERIFY(!project.load(dir.path()));
        QVERIFY(project.error().toString().contains(QStringLiteral("bad-name")));
    }

    void unknownRef()
    {
        ModelGraph graph;
        QVERIFY(!graph.build({model("stg_a", "staging", {"raw_a"}), model("fct_x", "core", {"stg_a", "stg_x"})},
                             {"raw_a"}));
        QCOMPARE(graph.error().message, QStringLiteral("core/fct_x.sql refers to unknown model 'stg_x'"));
        QCOMPARE(graph.error().file, QStringLiteral("/p/core/fct_x.sql"));
        QVERIFY(graph.ordered().isEmpty());
    }

    void cycle()
    {
        ModelGraph graph;
        QVERIFY(!graph.build({model("z", "marts", {"a"}), model("a", "core", {"b"}), model("b", "core", {"a"})}));
        QVERIFY2(graph.error().message.contains(QStringLiteral("a -> b -> a")), qPrintable(graph.error().message));
        QVERIFY(!graph.build({model("self", "core", {"self"})}));
        QVERIFY(graph.error().message.contains(QStringLiteral("self -> self")));
        QVERIFY(!graph.build({model("twin", "staging", {}), model("twin", "core", {})}));
        QCOMPARE(graph.error().message, QStringLiteral("core/twin.sql has the same name as staging/twin.sql"));
    }

    void orderAndUpstream()
    {
        ModelGraph graph;
        // Given in reverse: the order must come from the refs, ties by layer then name.
        QVERIFY(graph.build({model("mart_b", "marts", {"fct"}), model("mart_a", "marts", {"fct"}),
                             model("fct", "core", {"stg_y", "stg_x"}), model("lonely", "core", {}),
                             model("stg_y", "staging", {"raw"}), model("stg_x", "staging", {"raw"})},
                            {"raw"}));
        QCOMPARE(names(graph.ordered()), (QStringList{"stg_x", "stg_y", "fct", "lonely", "mart_a", "mart_b"}));
        QCOMPARE(graph.upstream(QStringLiteral("mart_a")), (QStringList{"stg_x", "stg_y", "fct"}));
        QVERIFY(graph.upstream(QStringLiteral("stg_x")).isEmpty());
        QVERIFY(!graph.error());
    }

    void runModels()
    {
        applyWarehouse();
        ModelGraph graph;
        QVERIFY2(graph.build(m_project.models(), {"raw_items"}), qPrintable(graph.error().toString()));
        ModelRunner runner(m_db);
        QStringList progress;
        runner.setProgressCallback([&](int i, int n, const QString &name) {
            progress.append(QStringLiteral("%1/%2 %3").arg(i).arg(n).arg(name));
            return true;
        });
        for (int round = 0; round < 2; ++round) { // a second run replaces what the first made
            QVERIFY2(runner.run(graph), qPrintable(runner.error().toString()));
            QCOMPARE(runner.results().size(), 3);
            QCOMPARE(runner.results().at(0).rows, qint64(-1));
            QCOMPARE(runner.results().at(1).rows, qint64(3));
            QCOMPARE(runner.results().at(2).rows, qint64(3));
            QVERIFY(runner.results().at(2).milliseconds >= 0);
        }
        QCOMPARE(progress.first(), QStringLiteral("0/3 stg_items"));
        QCOMPARE(scalar(m_db, "select type from sqlite_master where name = 'stg_items'").toString(), QStringLiteral("view"));
        QCOMPARE(scalar(m_db, "select group_concat(name) from (select name from sqlite_master where type = 'index' "
                              "and tbl_name = 'fct_items' order by name)").toString(),
                 QStringLiteral("fct_items__day,fct_items__id_name"));
        QCOMPARE(scalar(m_db, "select group_concat(day) from (select day from mart_daily order by day)").toString(),
                 QStringLiteral("-1,0,1"));
        QCOMPARE(scalar(m_db, "select iso from stg_items where id = 3").toString(), QStringLiteral("1970-01-02T00:00:00"));
        QCOMPARE(scalar(m_db, "select count(*) from model_runs").toInt(), 6);
        QVERIFY(scalar(m_db, "select row_count from model_runs where model = 'stg_items'").isNull());
        QCOMPARE(scalar(m_db, "select materialization from model_runs where model = 'fct_items' limit 1").toString(),
                 QStringLiteral("table"));
    }

    void changeMaterialization()
    {
        applyWarehouse();
        ModelGraph graph;
        QVERIFY(graph.build(m_project.models(), {"raw_items"}));
        QVERIFY(ModelRunner(m_db).run(graph));
        // fct_items becomes a view and stg_items a table: the old relations must be replaced.
        QVector<TransformModel> models = m_project.models();
        models[0].materialization = TransformModel::Materialization::Table;
        models[1].materialization = TransformModel::Materialization::View;
        models[1].indexes.clear();
        QVERIFY(graph.build(models, {"raw_items"}));
        ModelRunner runner(m_db);
        QVERIFY2(runner.run(graph), qPrintable(runner.error().toString()));
        QCOMPARE(scalar(m_db, "select type from sqlite_master where name = 'fct_items'").toString(), QStringLiteral("view"));
        QCOMPARE(scalar(m_db, "select type from sqlite_master where name = 'stg_items'").toString(), QStringLiteral("table"));
    }

    void runFailureNamesModel()
    {
        applyWarehouse();
        QVector<TransformModel> models = m_project.models();
        models[2].sql = QStringLiteral("select no_such_column from {{ ref('fct_items') }}");
        ModelGraph graph;
        QVERIFY(graph.build(models, {"raw_items"}));
        ModelRunner runner(m_db);
        QVERIFY(!runner.run(graph));
        QVERIFY(runner.error().file.endsWith(QStringLiteral("marts/mart_daily.sql")));
        QVERIFY2(runner.error().message.contains(QStringLiteral("no such column")), qPrintable(runner.error().message));
        QCOMPARE(runner.results().size(), 2);
    }

    void cancel()
    {
        applyWarehouse();
        ModelGraph graph;
        QVERIFY(graph.build(m_project.models(), {"raw_items"}));
        ModelRunner runner(m_db);
        runner.setProgressCallback([](int i, int, const QString &) { return i < 1; });
        QVERIFY(!runner.run(graph));
        QCOMPARE(runner.error().code, Error::Code::Cancelled);
        QCOMPARE(runner.results().size(), 1);
    }

    void dataTests()
    {
        applyWarehouse();
        ModelGraph graph;
        QVERIFY(graph.build(m_project.models(), {"raw_items"}));
        QVERIFY(ModelRunner(m_db).run(graph));
        const QVector<DataTestResult> results = DataTestRunner(m_db).run(m_project.dataTests(), 2);
        QCOMPARE(results.size(), 3);
        QVERIFY(!results.at(0).passed());
        QVERIFY(results.at(0).error.contains(QStringLiteral("no_such_table")));
        QVERIFY(results.at(1).passed());
        QCOMPARE(results.at(1).description, QStringLiteral("Items without an id."));
        const DataTestResult &failing = results.at(2);
        QCOMPARE(failing.failingRows, qint64(3));
        QVERIFY(failing.error.isEmpty());
        QCOMPARE(failing.columns, (QStringList{"day", "items"}));
        QCOMPARE(failing.samples.size(), 2);
        QCOMPARE(failing.samples.at(0).size(), 2);
    }

    void embeddedProject()
    {
        SqlProject project;
        QVERIFY2(project.load(), qPrintable(project.error().toString()));
        QCOMPARE(project.root(), QStringLiteral(":/sql"));
        QVERIFY(!project.warehouseScripts().isEmpty());
        QVERIFY(!project.dataTests().isEmpty());
        QVERIFY(project.metricNames().contains(QStringLiteral("coverage")));
        ModelGraph graph;
        QVERIFY2(graph.build(project.models(), {"raw_stores", "raw_devices", "raw_transactions", "raw_store_versions", "import_batches",
                                                "import_files", "rejects", "import_notes"}),
                 qPrintable(graph.error().toString()));
        const QStringList order = names(graph.ordered());
        for (const char *known : {"stg_stores", "stg_devices", "stg_transactions", "dim_stores", "fct_transactions",
                                  "int_transaction_events", "mart_store_daily"})
            QVERIFY2(order.contains(QLatin1String(known)), known);
        const qsizetype fct = order.indexOf(QStringLiteral("fct_transactions"));
        for (qsizetype i = 0; i < order.size(); ++i) {
            if (order.at(i).startsWith(QStringLiteral("stg_")))
                QVERIFY2(i < fct, qPrintable(order.at(i)));
            if (order.at(i).startsWith(QStringLiteral("mart_")))
                QVERIFY2(i > fct, qPrintable(order.at(i)));
        }
        QVERIFY(graph.upstream(QStringLiteral("mart_store_daily")).contains(QStringLiteral("stg_transactions")));

        // Every real model and data test must be valid SQLite, even on an empty warehouse.
        applyWarehouse(project);
        ModelRunner runner(m_db);
        QVERIFY2(runner.run(graph), qPrintable(runner.error().toString()));
        QCOMPARE(runner.results().size(), order.size());
        for (const DataTestResult &result : DataTestRunner(m_db).run(project.dataTests())) {
            QVERIFY2(result.error.isEmpty(), qPrintable(result.name + QStringLiteral(": ") + result.error));
            // The one test about emptiness itself: one row per raw table, all three empty here.
            const bool emptiness = result.name == QLatin1String("assert_raw_tables_not_empty");
            QVERIFY2(result.failingRows == (emptiness ? 3 : 0), qPrintable(result.name));
        }

        // The columnar snapshot reads the models column by column: every read must still run
        // against the models as they are (a renamed column fails here, not at 10M rows).
        const QStringList reads = QDir(project.root() + QStringLiteral("/snapshot")).entryList({QStringLiteral("read_*.sql")});
        QVERIFY(reads.size() >= 4);
        for (const QString &read : reads) {
            QSqlQuery query(m_db);
            Error error;
            QVERIFY2(SqlFile::exec(query, project.root(), QStringLiteral("snapshot/") + read, {}, &error),
                     qPrintable(read + QStringLiteral(": ") + error.toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestTransform)
#include "tst_transform.moc"
