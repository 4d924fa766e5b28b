// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/SqlFile.h"

#include <QFile>
#include <QSqlError>

namespace cpm {

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

bool SqlFile::exec(QSqlQuery &query, const QString &root, const QString &relative, const QVariantMap &values, Error *error)
{
    QString sql = withoutCommentLines(text(root, relative, error)).trimmed();
    if (sql.isEmpty())
        return false;
    if (sql.endsWith(QLatin1Char(';')))
        sql.chop(1);
    if (!query.prepare(sql)) {
        *error = Error::make(Error::Code::Sql, query.lastError().text());
        error->file = relative;
        return false;
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec()) {
        *error = Error::make(Error::Code::Sql, query.lastError().databaseText());
        error->file = relative;
        return false;
    }
    return true;
}

} // namespace cpm
