// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "base/Error.h"
#include "transform/TransformModel.h"

#include <QMap>
#include <QString>
#include <QVector>

namespace cpm {

/**
 * The transform project read from ":/sql" (embedded) or a folder given with --sql-dir:
 * warehouse/ (ordered DDL scripts), staging/, core/, marts/ (models), tests/ (data tests),
 * metrics/ (named parameterised selects).
 */
class SqlProject
{
public:
    /** The embedded project's root. */
    static QString embeddedRoot();

    /** Reads every file under @p root. False: see error() (unreadable file, bad config()). */
    bool load(const QString &root = embeddedRoot());

    const QString &root() const { return m_root; }
    /** (path, text) of every warehouse/ .sql file, sorted by file name (000_meta.sql, 010_raw.sql, ...). */
    const QVector<QPair<QString, QString>> &warehouseScripts() const { return m_warehouseScripts; }
    /**
     * The warehouse/sqlite folder's .sql files (path, text): SQLite-only statements (triggers), one per file, run
     * whole after the warehouse scripts because a trigger body holds semicolons.
     */
    const QVector<QPair<QString, QString>> &sqliteWarehouseStatements() const { return m_sqliteWarehouseStatements; }
    const QVector<TransformModel> &models() const { return m_models; }
    const QVector<DataTest> &dataTests() const { return m_tests; }
    /** metrics/<name>.sql text, or a null string when absent. */
    QString metricSql(const QString &name) const { return m_metrics.value(name); }
    QStringList metricNames() const { return m_metrics.keys(); }
    const Error &error() const { return m_error; }

private:
    QString m_root;
    QVector<QPair<QString, QString>> m_warehouseScripts;
    QVector<QPair<QString, QString>> m_sqliteWarehouseStatements;
    QVector<TransformModel> m_models;
    QVector<DataTest> m_tests;
    QMap<QString, QString> m_metrics;
    Error m_error;
};

} // namespace cpm
