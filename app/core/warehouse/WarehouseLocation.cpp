// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/WarehouseLocation.h"

#include <QUrl>
#include <QUrlQuery>

namespace cpm {

bool WarehouseLocation::parse(const QString &text, WarehouseLocation *out, Error *error)
{
    *out = WarehouseLocation();
    if (!text.startsWith(QLatin1String("postgresql://")) && !text.startsWith(QLatin1String("postgres://"))) {
        out->path = text;
        return true;
    }
    const QUrl url(text);
    if (!url.isValid() || !url.password().isEmpty()) {
        *error = Error::make(Error::Code::Usage, QStringLiteral("not a usable PostgreSQL URI"));
        error->file = text;
        return false;
    }
    out->kind = Kind::Postgres;
    out->host = url.host();
    out->port = url.port();
    out->user = url.userName();
    out->database = url.path().mid(1);
    for (const auto &item : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("host"))
            out->host = item.second;
        else
            out->options << item.first + QLatin1Char('=') + item.second;
    }
    return true;
}

QString WarehouseLocation::display() const
{
    if (!isPostgres())
        return path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port < 0 ? 5432 : port).arg(database);
}

void WarehouseLocation::applyTo(QSqlDatabase &db) const
{
    db.setHostName(host);
    if (port > 0)
        db.setPort(port);
    db.setDatabaseName(database);
    db.setUserName(user);
    QStringList all = options;
    all << QStringLiteral("connect_timeout=5");
    db.setConnectOptions(all.join(QLatin1Char(';')));
}

} // namespace cpm
