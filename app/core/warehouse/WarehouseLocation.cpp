// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/WarehouseLocation.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QUrl>

namespace cpm {

namespace {

const QString kShape = QStringLiteral("postgresql://[USER@]HOST[:PORT]/DATABASE");
const QString kPasswordFix = QStringLiteral(
    "put it in ~/.pgpass or PGPASSWORD; cpm never takes a password on the command line or stores one");
const QStringList kOptionKeys = {QStringLiteral("sslmode"), QStringLiteral("connect_timeout"),
                                 QStringLiteral("application_name")};
const QStringList kSslModes = {QStringLiteral("disable"), QStringLiteral("allow"),   QStringLiteral("prefer"),
                               QStringLiteral("require"), QStringLiteral("verify-ca"), QStringLiteral("verify-full")};

/** The location text with any password replaced, so an error can quote the rest safely. */
QString redacted(QString text)
{
    static const QRegularExpression userPassword(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*://[^/@?]*?:)[^/@?]*@"));
    static const QRegularExpression passwordParameter(QStringLiteral("([?&]password=)[^&]*"));
    text.replace(userPassword, QStringLiteral("\\1***@"));
    text.replace(passwordParameter, QStringLiteral("\\1***"));
    return text;
}

/** Why parse() failed: Code::Usage, the redacted text as the file. */
class Refusal
{
public:
    Refusal(const QString &text, Error *error) : m_text(redacted(text)), m_error(error) {}

    bool operator()(const QString &message, const QString &value, const QString &expected) const
    {
        *m_error = Error::make(Error::Code::Usage, message);
        m_error->file = m_text;
        m_error->value = value;
        m_error->expected = expected;
        return false;
    }

private:
    QString m_text;
    Error *m_error;
};

/** libpq's percent-decoding, refusing a '%' not followed by two hex digits as libpq does. */
bool decode(const QString &part, const QString &what, QString *out, const Refusal &refuse)
{
    static const QRegularExpression badEscape(QStringLiteral("%(?![0-9A-Fa-f]{2})"));
    if (part.contains(badEscape))
        return refuse(QStringLiteral("bad percent-encoding in the %1").arg(what), part, QStringLiteral("%XX with two hex digits"));
    *out = QString::fromUtf8(QByteArray::fromPercentEncoding(part.toUtf8()));
    return true;
}

bool parsePort(const QString &text, int *port, const Refusal &refuse)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (!ok || !digits.match(text).hasMatch() || value < 1 || value > 65535)
        return refuse(QStringLiteral("bad PostgreSQL port"), text, QStringLiteral("a number from 1 to 65535"));
    *port = value;
    return true;
}

/** "[user@]host[:port]" (host may be "[v6 address]"). */
bool parseAuthority(const QString &authority, WarehouseLocation *out, const Refusal &refuse)
{
    const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
    const QString userInfo = at < 0 ? QString() : authority.left(at);
    if (userInfo.contains(QLatin1Char(':')))
        return refuse(QStringLiteral("a password in the warehouse URI is refused"), QString(), kPasswordFix);
    if (!decode(userInfo, QStringLiteral("user name"), &out->user, refuse))
        return false;
    QString hostPort = authority.mid(at + 1);
    if (hostPort.contains(QLatin1Char(',')))
        return refuse(QStringLiteral("several hosts in one warehouse URI are not supported"), hostPort, QStringLiteral("one HOST[:PORT]"));
    QString portText;
    if (hostPort.startsWith(QLatin1Char('['))) {
        const qsizetype close = hostPort.indexOf(QLatin1Char(']'));
        if (close < 0)
            return refuse(QStringLiteral("unterminated IPv6 address"), hostPort, QStringLiteral("[ADDRESS]:PORT"));
        portText = hostPort.mid(close + 1);
        if (!portText.isEmpty() && !portText.startsWith(QLatin1Char(':')))
            return refuse(QStringLiteral("text after the IPv6 address"), portText, QStringLiteral(":PORT"));
        portText = portText.mid(1);
        hostPort = hostPort.mid(1, close - 1);
    } else if (const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':')); colon >= 0) {
        portText = hostPort.mid(colon + 1);
        hostPort = hostPort.left(colon);
        if (portText.isEmpty())
            return refuse(QStringLiteral("bad PostgreSQL port"), portText, QStringLiteral("a number from 1 to 65535"));
    }
    if (!portText.isEmpty() && !parsePort(portText, &out->port, refuse))
        return false;
    return decode(hostPort, QStringLiteral("host"), &out->host, refuse);
}

bool parseParameter(const QString &key, const QString &value, WarehouseLocation *out, const Refusal &refuse)
{
    if (key == QLatin1String("password"))
        return refuse(QStringLiteral("a password in the warehouse URI is refused"), QString(), kPasswordFix);
    if (key == QLatin1String("host")) {
        out->host = value;
        return true;
    }
    if (key == QLatin1String("port"))
        return parsePort(value, &out->port, refuse);
    if (!kOptionKeys.contains(key))
        return refuse(QStringLiteral("unknown parameter in the warehouse URI"), key,
                      QStringLiteral("host, port, ") + kOptionKeys.join(QStringLiteral(", ")));
    if (key == QLatin1String("sslmode") && !kSslModes.contains(value))
        return refuse(QStringLiteral("unknown sslmode"), value, kSslModes.join(QStringLiteral(", ")));
    static const QRegularExpression seconds(QStringLiteral("^[0-9]{1,6}$"));
    if (key == QLatin1String("connect_timeout") && !seconds.match(value).hasMatch())
        return refuse(QStringLiteral("bad connect_timeout"), value, QStringLiteral("whole seconds"));
    // QPSQL splits its options at ';' before libpq sees them.
    if (value.contains(QLatin1Char(';')))
        return refuse(QStringLiteral("';' in a warehouse URI parameter"), value, QStringLiteral("a value without ';'"));
    out->options << key + QLatin1Char('=') + value;
    return true;
}

bool parseQuery(const QString &query, WarehouseLocation *out, const Refusal &refuse)
{
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return refuse(QStringLiteral("warehouse URI parameter without a value"), pair, QStringLiteral("KEY=VALUE"));
        QString key, value;
        if (!decode(pair.left(equals), QStringLiteral("parameter name"), &key, refuse)
            || !decode(pair.mid(equals + 1), QStringLiteral("parameter value"), &value, refuse)
            || !parseParameter(key, value, out, refuse))
            return false;
    }
    return true;
}

bool parseUri(const QString &rest, WarehouseLocation *out, const Refusal &refuse)
{
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    const QString beforeQuery = rest.left(question);
    const qsizetype slash = beforeQuery.indexOf(QLatin1Char('/'));
    if (!parseAuthority(beforeQuery.left(slash), out, refuse)
        || (slash >= 0 && !decode(beforeQuery.mid(slash + 1), QStringLiteral("database name"), &out->database, refuse))
        || (question >= 0 && !parseQuery(rest.mid(question + 1), out, refuse)))
        return false;
    if (out->host.isEmpty())
        return refuse(QStringLiteral("no PostgreSQL host in the warehouse URI"), QString(),
                      kShape + QStringLiteral(" or ?host=/unix/socket/dir"));
    return true;
}

/** A part of a rebuilt URI: percent-encoded except for what libpq reads back verbatim. */
QString encoded(const QString &part, const char *keep = "")
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part, keep));
}

} // namespace

bool WarehouseLocation::parse(const QString &text, WarehouseLocation *out, Error *error)
{
    const Refusal refuse(text, error);
    *out = WarehouseLocation();
    if (text.trimmed().isEmpty())
        return refuse(QStringLiteral("no warehouse given"), QString(), QStringLiteral("a SQLite file path or ") + kShape);
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const QRegularExpressionMatch match = scheme.match(text);
    if (!match.hasMatch()) {
        out->path = text;
        return true;
    }
    const QString name = match.captured(1).toLower();
    if (name != QLatin1String("postgresql") && name != QLatin1String("postgres"))
        return refuse(QStringLiteral("unknown warehouse URI scheme"), match.captured(1),
                      QStringLiteral("a SQLite file path or ") + kShape);
    out->kind = Kind::Postgres;
    return parseUri(text.mid(match.capturedLength()), out, refuse);
}

QString WarehouseLocation::display() const
{
    if (!isPostgres())
        return path;
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        text += encoded(user) + QLatin1Char('@');
    const bool socket = host.startsWith(QLatin1Char('/'));
    if (!socket)
        text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : encoded(host);
    if (port > 0 && !socket)
        text += QLatin1Char(':') + QString::number(port);
    text += QLatin1Char('/') + encoded(database);
    QStringList query;
    if (socket)
        query << QStringLiteral("host=") + encoded(host, "/");
    if (socket && port > 0)
        query << QStringLiteral("port=") + QString::number(port);
    for (const QString &option : options) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        query << option.left(equals + 1) + encoded(option.mid(equals + 1));
    }
    return query.isEmpty() ? text : text + QLatin1Char('?') + query.join(QLatin1Char('&'));
}

QString WarehouseLocation::server() const
{
    int effectivePort = port > 0 ? port : qEnvironmentVariableIntValue("PGPORT");
    if (effectivePort <= 0)
        effectivePort = 5432;
    if (host.startsWith(QLatin1Char('/')))
        return host + QStringLiteral("/.s.PGSQL.") + QString::number(effectivePort);
    return host + QLatin1Char(':') + QString::number(effectivePort);
}

QString WarehouseLocation::effectiveUser() const
{
    if (!user.isEmpty())
        return user;
    for (const char *name : {"PGUSER", "USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QString();
}

void WarehouseLocation::applyTo(QSqlDatabase &db) const
{
    db.setHostName(host);
    db.setPort(port);
    db.setDatabaseName(database);
    db.setUserName(user);
    QStringList connect;
    bool timeout = false;
    for (const QString &option : options) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        QString value = option.mid(equals + 1);
        value.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
        connect << option.left(equals) + QStringLiteral("='") + value + QLatin1Char('\'');
        timeout = timeout || option.startsWith(QLatin1String("connect_timeout="));
    }
    if (!timeout)
        connect << QStringLiteral("connect_timeout=5");
    db.setConnectOptions(connect.join(QLatin1Char(';')));
}

} // namespace cpm
