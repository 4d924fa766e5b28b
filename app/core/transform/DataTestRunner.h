// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "transform/SqlDialect.h"
#include "transform/TransformModel.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVector>

namespace cpm {

/** Outcome of one data test. */
struct DataTestResult
{
    QString name;
    QString description;
    qint64 failingRows = 0;      ///< 0 = pass
    QStringList columns;         ///< column names of the offending rows
    QVector<QStringList> samples;///< up to sampleLimit offending rows, as text
    QString error;               ///< non-empty when the test's SQL itself failed
    bool passed() const { return failingRows == 0 && error.isEmpty(); }
};

/** Runs data tests (selects returning offending rows) and counts what they return. */
class DataTestRunner
{
public:
    /** @p sqlRoot holds the wrappers a test's select runs in (runner/count_offending.sql, runner/select_offending.sql). */
    explicit DataTestRunner(QSqlDatabase db, SqlDialect dialect = SqlDialect(), QString sqlRoot = QStringLiteral(":/sql"));
    QVector<DataTestResult> run(const QVector<DataTest> &tests, int sampleLimit = 5) const;

private:
    QSqlDatabase m_db;
    SqlDialect m_dialect;
    QString m_root;
};

} // namespace cpm
