// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/SqlFile.h"

#include <QFile>
#include <QSqlDriver>
#include <QSqlError>

namespace cpm {

QString SqlFile::embeddedRoot()
{
    return QStringLiteral(":/sql");
}

QString SqlFile::text(const QString &root, const QString &relative, Error *error)
{
    QFile file(root + QLatin1Char('/') + relative);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Error::make(Error::Code::Sql, QStringLiteral("cannot read SQL file"));
        error->file = file.fileName();
        return QString();
    }
    return QString::fromUtf8(file.readAll()).trimmed();
}

// Qt's placeholder scanner does not know SQL comments: an apostrophe in a comment ("the
// SKU's name") opens a phantom string that hides every later :placeholder. Whole-line
// comments carry no SQL, so they are dropped before preparing.
static QString withoutCommentLines(const QString &sql)
{
    QStringList kept;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        if (!line.trimmed().startsWith(QLatin1String("--")))
            kept << line;
    }
    return kept.join(QLatin1Char('\n'));
}

QString SqlFile::statement(const QString &root, const QString &relative, Error *error)
{
    QString sql = withoutCommentLines(text(root, relative, error)).trimmed();
    if (sql.endsWith(QLatin1Char(';')))
        sql.chop(1);
    if (sql.trimmed().isEmpty() && !error->isError()) {
        *error = Error::make(Error::Code::Sql, QStringLiteral("the SQL file holds no statement"));
        error->file = relative;
    }
    return sql.trimmed();
}

QByteArray SqlFile::statementUtf8(const QString &root, const QString &relative, Error *error)
{
    return statement(root, relative, error).toUtf8();
}

static QString forDriver(const QSqlDriver *driver, const QString &root, const QString &relative)
{
    if (!driver || driver->dbmsType() != QSqlDriver::PostgreSQL || !relative.endsWith(QLatin1String(".sql")))
        return relative;
    QString postgres = relative;
    postgres.insert(postgres.size() - 4, QLatin1String(".postgres"));
    return QFile::exists(root + QLatin1Char('/') + postgres) ? postgres : relative;
}

QString SqlFile::forEngine(const QSqlDatabase &db, const QString &root, const QString &relative)
{
    return forDriver(db.driver(), root, relative);
}

bool SqlFile::prepare(QSqlQuery &query, const QString &root, const QString &relative, const QVariantMap &values, Error *error)
{
    const QString sql = statement(root, forDriver(query.driver(), root, relative), error);
    if (sql.isEmpty())
        return false;
    if (!query.prepare(sql)) {
        const QSqlError failure = query.lastError();
        *error = Error::make(Error::Code::Sql, failure.databaseText().isEmpty() ? failure.text() : failure.databaseText());
        error->file = relative;
        return false;
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    return true;
}

QVariant SqlFile::scalar(const QSqlDatabase &db, const QString &root, const QString &relative, const QVariantMap &values,
                         Error *error)
{
    Error ignored;
    QSqlQuery query(db);
    if (exec(query, root, relative, values, error ? error : &ignored) && query.next())
        return query.value(0);
    return QVariant();
}

// QPSQL prepares through "PREPARE … AS", which PostgreSQL allows only for select, insert,
// update, delete and values: a statement without values (DDL) runs unprepared there.
static bool execUnprepared(QSqlQuery &query, const QString &root, const QString &relative, Error *error)
{
    const QString sql = SqlFile::statement(root, forDriver(query.driver(), root, relative), error);
    if (sql.isEmpty())
        return false;
    if (query.exec(sql))
        return true;
    *error = Error::make(Error::Code::Sql, query.lastError().databaseText());
    error->file = relative;
    return false;
}

bool SqlFile::exec(QSqlQuery &query, const QString &root, const QString &relative, const QVariantMap &values, Error *error)
{
    if (values.isEmpty() && query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL)
        return execUnprepared(query, root, relative, error);
    if (!prepare(query, root, relative, values, error))
        return false;
    if (!query.exec()) {
        *error = Error::make(Error::Code::Sql, query.lastError().databaseText());
        error->file = relative;
        return false;
    }
    return true;
}

} // namespace cpm
