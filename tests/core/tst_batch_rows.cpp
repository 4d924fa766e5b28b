// SPDX-License-Identifier: GPL-3.0-or-later
// load_rows (BatchRows) and SqliteRowWriter: a batch's values reach SQL by position with their
// types, only the rows of the asked statement and range are read, and a batch whose statement
// fails still names the line of the row that failed.
#include "warehouse/BatchRows.h"
#include "warehouse/SqliteRowWriter.h"
#include "warehouse/SqliteStatement.h"

#include <QTest>

#include <sqlite3.h>

#include <cstring>

using namespace cpm;

namespace {

/** Row @p line of @p statement with the values in order (index 1, 2, ...). */
struct RowBuilder
{
    InsertBatch &batch;

    RowBuilder &row(int statement, qint64 line)
    {
        batch.rows.push_back({statement, line, batch.params.size()});
        return *this;
    }
    RowBuilder &integer(qint64 value)
    {
        const int i = index();
        batch.params.emplace_back().set(InsertBatch::Kind::Int, i, 0, value);
        return *this;
    }
    RowBuilder &real(double value)
    {
        const int i = index();
        InsertBatch::Param &p = batch.params.emplace_back();
        p.set(InsertBatch::Kind::Double, i, 0, 0);
        p.real = value;
        return *this;
    }
    RowBuilder &text(const char *value)
    {
        const std::size_t size = std::strlen(value);
        const int i = index();
        batch.params.emplace_back().set(InsertBatch::Kind::Text, i, quint32(size), qint64(batch.bytes.size()));
        batch.bytes.append(value, size);
        return *this;
    }
    RowBuilder &null()
    {
        const int i = index();
        batch.params.emplace_back().set(InsertBatch::Kind::Null, i, 0, 0);
        return *this;
    }
    /** The 1-based index the next value of the current row gets. */
    int index() const { return int(batch.params.size() - batch.rows.back().firstParam) + 1; }
};

class Database
{
public:
    Database()
    {
        sqlite3_open(":memory:", &m_db);
        BatchRows::registerModule(m_db);
    }
    ~Database() { sqlite3_close(m_db); }
    sqlite3 *handle() const { return m_db; }
    bool exec(const char *sql) { return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
    /** Every row of @p sql as "a|b|c" lines (with load_rows(?1) bound to @p rows, if given). */
    QStringList rows(const char *sql, const BatchRows *rows = nullptr)
    {
        sqlite3_stmt *stmt = nullptr;
        QStringList out;
        if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
            return {QString::fromUtf8(sqlite3_errmsg(m_db))};
        if (rows)
            sqlite3_bind_pointer(stmt, 1, const_cast<BatchRows *>(rows), BatchRows::kPointerType, nullptr);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            QStringList values;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c)
                values << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, c)));
            out << values.join(QLatin1Char('|'));
        }
        sqlite3_finalize(stmt);
        return out;
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

class TestBatchRows : public QObject
{
    Q_OBJECT

private slots:
    void valuesByPositionWithTheirTypes()
    {
        Database db;
        InsertBatch batch;
        RowBuilder{batch}.row(0, 2).integer(7).real(2.5).text("Tea, \"green\"").null();
        RowBuilder{batch}.row(1, 3).integer(99); // another statement's row: not read
        RowBuilder{batch}.row(0, 4).integer(-3).real(0).text("é").integer(1);
        const BatchRows all{&batch, 0, batch.rows.size(), 0};
        QCOMPARE(db.rows("select v1, typeof(v1), v2, typeof(v2), v3, typeof(v3), typeof(v4), typeof(v5) from load_rows(?1)", &all),
                 (QStringList{"7|integer|2.5|real|Tea, \"green\"|text|null|null", "-3|integer|0.0|real|é|text|integer|null"}));
        const BatchRows rejects{&batch, 0, batch.rows.size(), 1};
        QCOMPARE(db.rows("select v1 from load_rows(?1)", &rejects), QStringList{"99"});
        const BatchRows last{&batch, 2, 3, 0};
        QCOMPARE(db.rows("select v1 from load_rows(?1)", &last), QStringList{"-3"});
        const BatchRows none{&batch, 1, 2, 0};
        QCOMPARE(db.rows("select count(*) from load_rows(?1)", &none), QStringList{"0"});
    }

    void withoutItsArgumentThereIsNoPlan()
    {
        Database db;
        const QStringList result = db.rows("select * from load_rows");
        QCOMPARE(result.size(), 1);
        QVERIFY2(result.first().contains(QLatin1String("no query solution")), qPrintable(result.first()));
    }

    void writerUpsertsInFileOrderAndNamesTheFailingLine()
    {
        Database db;
        QVERIFY(db.exec("create table t (id integer primary key, name text not null, amount real)"));
        QVERIFY(db.exec("create table rejects (line integer, reason text)"));
        SqliteStatement rows, rejects;
        QVERIFY(rows.prepare(db.handle(), QStringLiteral("insert into t (id, name, amount) select v1, v2, v3 from load_rows(?1) where true "
                                                         "on conflict (id) do update set name = excluded.name, amount = excluded.amount")));
        QVERIFY(rejects.prepare(db.handle(), QStringLiteral("insert into rejects (line, reason) values (?1, ?2)")));
        SqliteRowWriter writer(&rows, &rejects);
        InsertBatch batch;
        RowBuilder{batch}.row(0, 2).integer(1).text("tea").real(1.5);
        RowBuilder{batch}.row(1, 3).integer(3).text("not a number");
        RowBuilder{batch}.row(0, 4).integer(2).text("coffee").real(2);
        RowBuilder{batch}.row(0, 5).integer(1).text("green tea").real(1.75); // id 1 again: the later row wins
        QString error;
        qint64 line = 0;
        QVERIFY(writer.write(batch, &error, &line));
        QCOMPARE(db.rows("select id, name, amount from t order by id"), (QStringList{"1|green tea|1.75", "2|coffee|2.0"}));
        QCOMPARE(db.rows("select line, reason from rejects"), QStringList{"3|not a number"});

        // A null name breaks the table's constraint at line 8 (the batch's third row).
        batch.clear();
        RowBuilder{batch}.row(0, 6).integer(10).text("milk").real(1);
        RowBuilder{batch}.row(0, 7).integer(11).text("juice").real(2);
        RowBuilder{batch}.row(0, 8).integer(12).null().real(3);
        RowBuilder{batch}.row(0, 9).integer(13).text("water").real(4);
        QVERIFY(db.exec("begin"));
        QVERIFY(!writer.write(batch, &error, &line));
        QCOMPARE(line, qint64(8));
        QVERIFY2(error.contains(QLatin1String("NOT NULL constraint failed: t.name")), qPrintable(error));
        QVERIFY(db.exec("rollback")); // as a failed import does
        QCOMPARE(db.rows("select count(*) from t"), QStringList{"2"});
    }
};

QTEST_GUILESS_MAIN(TestBatchRows)
#include "tst_batch_rows.moc"
