// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/DataTestRunner.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace cpm {

namespace {

QString sqlMessage(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

// The newline before ")" keeps a trailing "-- comment" in the test from swallowing it.
QString wrapped(const QString &prefix, const QString &select, const QString &suffix)
{
    return prefix + QStringLiteral(" (\n") + select + QStringLiteral("\n) as offending") + suffix;
}

bool countOffending(const QSqlDatabase &db, const QString &select, DataTestResult *result)
{
    QSqlQuery query(db);
    if (!query.exec(wrapped(QStringLiteral("select count(*) from"), select, QString())) || !query.next()) {
        result->error = sqlMessage(query.lastError());
        return false;
    }
    result->failingRows = query.value(0).toLongLong();
    return true;
}

/** Null values stay null strings so callers can tell NULL from ''. */
void fetchSamples(const QSqlDatabase &db, const QString &select, int limit, DataTestResult *result)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(wrapped(QStringLiteral("select * from"), select, QStringLiteral(" limit %1").arg(limit)))) {
        result->error = sqlMessage(query.lastError());
        return;
    }
    const QSqlRecord record = query.record();
    for (int c = 0; c < record.count(); ++c)
        result->columns.append(record.fieldName(c));
    while (query.next()) {
        QStringList row;
        for (int c = 0; c < record.count(); ++c)
            row.append(query.isNull(c) ? QString() : query.value(c).toString());
        result->samples.append(row);
    }
}

} // namespace

DataTestRunner::DataTestRunner(QSqlDatabase db, SqlDialect dialect) : m_db(std::move(db)), m_dialect(dialect) {}

QVector<DataTestResult> DataTestRunner::run(const QVector<DataTest> &tests, int sampleLimit) const
{
    QVector<DataTestResult> results;
    for (const DataTest &test : tests) {
        DataTestResult result;
        result.name = test.name;
        result.description = test.description;
        const QStringList statements = splitSqlStatements(m_dialect.render(test.sql));
        if (statements.size() != 1)
            result.error = QStringLiteral("a data test must be exactly one select statement");
        else if (countOffending(m_db, statements.first(), &result) && result.failingRows > 0)
            fetchSamples(m_db, statements.first(), qMax(0, sampleLimit), &result);
        results.append(result);
    }
    return results;
}

} // namespace cpm
