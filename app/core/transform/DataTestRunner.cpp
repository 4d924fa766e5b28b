// SPDX-License-Identifier: GPL-3.0-or-later
#include "transform/DataTestRunner.h"

#include "transform/SqlTemplate.h"

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

/** The test's @p select inside the wrapper @p relative (the count, or the rows themselves). */
QString wrapped(const QString &root, const QString &relative, const QString &select, DataTestResult *result)
{
    Error error;
    const QString sql = SqlTemplate(root, relative).setSelect(select).render(&error);
    if (error)
        result->error = error.toString();
    return sql;
}

bool countOffending(const QSqlDatabase &db, const QString &root, const QString &select, DataTestResult *result)
{
    const QString sql = wrapped(root, QStringLiteral("runner/count_offending.sql"), select, result);
    if (sql.isEmpty())
        return false;
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next()) {
        result->error = sqlMessage(query.lastError());
        return false;
    }
    result->failingRows = query.value(0).toLongLong();
    return true;
}

/** The first @p limit rows (read lazily: the rest are never computed). Nulls stay null strings. */
void fetchSamples(const QSqlDatabase &db, const QString &root, const QString &select, int limit, DataTestResult *result)
{
    const QString sql = wrapped(root, QStringLiteral("runner/select_offending.sql"), select, result);
    if (sql.isEmpty())
        return;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        result->error = sqlMessage(query.lastError());
        return;
    }
    const QSqlRecord record = query.record();
    for (int c = 0; c < record.count(); ++c)
        result->columns.append(record.fieldName(c));
    while (result->samples.size() < limit && query.next()) {
        QStringList row;
        for (int c = 0; c < record.count(); ++c)
            row.append(query.isNull(c) ? QString() : query.value(c).toString());
        result->samples.append(row);
    }
}

} // namespace

DataTestRunner::DataTestRunner(QSqlDatabase db, SqlDialect dialect, QString sqlRoot)
    : m_db(std::move(db)), m_dialect(dialect), m_root(std::move(sqlRoot))
{
}

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
        else if (countOffending(m_db, m_root, statements.first(), &result) && result.failingRows > 0)
            fetchSamples(m_db, m_root, statements.first(), qMax(0, sampleLimit), &result);
        results.append(result);
    }
    return results;
}

} // namespace cpm
