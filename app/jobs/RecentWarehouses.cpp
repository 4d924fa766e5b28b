// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecentWarehouses.h"

#include "warehouse/WarehouseLocation.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace cpm {

namespace {
// The keys the window used before this class, so existing lists carry over.
const QString kListKey = QStringLiteral("recentWarehouses");
const QString kLastKey = QStringLiteral("lastWarehouse");
} // namespace

RecentWarehouses::RecentWarehouses(QSettings *settings)
    : m_own(settings ? nullptr : std::make_unique<QSettings>()), m_settings(settings ? settings : m_own.get())
{
}

RecentWarehouses::~RecentWarehouses() = default;

QStringList RecentWarehouses::entries() const
{
    // Read through normalized() too: a list written by an older build, or edited by hand,
    // never shows a password or a duplicate.
    QStringList list;
    for (const QString &stored : m_settings->value(kListKey).toStringList()) {
        const QString entry = normalized(stored);
        if (!entry.isEmpty() && !list.contains(entry))
            list << entry;
    }
    return list.mid(0, kMaxEntries);
}

QString RecentWarehouses::last() const
{
    return normalized(m_settings->value(kLastKey).toString());
}

bool RecentWarehouses::add(const QString &location)
{
    const QString entry = normalized(location);
    if (entry.isEmpty())
        return false;
    QStringList list = entries();
    list.removeAll(entry);
    list.prepend(entry);
    write(list);
    m_settings->setValue(kLastKey, entry);
    return true;
}

void RecentWarehouses::remove(const QString &location)
{
    const QString entry = normalized(location);
    QStringList list = entries();
    list.removeAll(entry);
    write(list);
    if (last() == entry)
        m_settings->remove(kLastKey);
}

void RecentWarehouses::clear()
{
    write({});
}

void RecentWarehouses::write(const QStringList &entries)
{
    m_settings->setValue(kListKey, entries.mid(0, kMaxEntries));
    // Written now, so a second window or a crash right after sees the same list.
    m_settings->sync();
}

QString RecentWarehouses::withoutPassword(const QString &location)
{
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    if (!scheme.match(location).hasMatch())
        return location;
    QString text = location;
    // user:PASSWORD@host → user@host (the user info ends at the last '@' before the path).
    static const QRegularExpression userPassword(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*):[^/?#]*@"));
    text.replace(userPassword, QStringLiteral("\\1@"));
    const qsizetype question = text.indexOf(QLatin1Char('?'));
    if (question < 0)
        return text;
    QStringList kept;
    for (const QString &pair : text.mid(question + 1).split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        if (!pair.startsWith(QLatin1String("password="), Qt::CaseInsensitive))
            kept << pair;
    }
    return kept.isEmpty() ? text.left(question) : text.left(question + 1) + kept.join(QLatin1Char('&'));
}

QString RecentWarehouses::normalized(const QString &location)
{
    WarehouseLocation parsed;
    Error ignored; // not a warehouse: nothing to keep
    if (!WarehouseLocation::parse(withoutPassword(location.trimmed()), &parsed, &ignored))
        return QString();
    return parsed.isPostgres() ? parsed.display() : QFileInfo(parsed.path).absoluteFilePath();
}

QString RecentWarehouses::label(const QString &location)
{
    WarehouseLocation parsed;
    Error ignored;
    if (!WarehouseLocation::parse(withoutPassword(location), &parsed, &ignored))
        return QString();
    if (!parsed.isPostgres())
        return QFileInfo(parsed.path).fileName();
    const QString database = parsed.database.isEmpty() ? parsed.effectiveUser() : parsed.database;
    return QStringLiteral("%1 on %2").arg(database, parsed.server());
}

} // namespace cpm
