// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace cpm {

/**
 * The warehouses opened lately (File ▸ Open recent), files and postgresql:// URIs alike, kept
 * in QSettings: most recent first, each once, at most maxEntries(), never with a password
 * (one in a URI is stripped before anything is written, and dropped from what is read back).
 */
class RecentWarehouses
{
public:
    static constexpr int kMaxEntries = 8;

    /** Over @p settings (not owned), or the application's default QSettings when null. */
    explicit RecentWarehouses(QSettings *settings = nullptr);
    ~RecentWarehouses();

    static int maxEntries() { return kMaxEntries; }

    /** The list, most recent first (normalised: see normalized()). */
    QStringList entries() const;
    /** The warehouse opened last (startup reopens it); empty when none. */
    QString last() const;
    /** Puts @p location first (and makes it last()); false, storing nothing, when it names no warehouse. */
    bool add(const QString &location);
    /** Drops @p location from the list (and as last(), so startup does not try it again). */
    void remove(const QString &location);
    /** Empties the list; last() stays. */
    void clear();

    /**
     * @p location as the list keeps it: a file as its absolute path; a URI with any password
     * removed and rebuilt by WarehouseLocation (so spellings of one server compare equal).
     * Empty when it is neither (an unknown scheme, a bad port, no host...).
     */
    static QString normalized(const QString &location);
    /** A URI with its password (user:PASSWORD@ or ?password=) removed; anything else unchanged. */
    static QString withoutPassword(const QString &location);
    /** Short text for titles and the status bar: the file's name, or "DATABASE on HOST:PORT". */
    static QString label(const QString &location);

private:
    void write(const QStringList &entries);

    std::unique_ptr<QSettings> m_own;
    QSettings *m_settings;
};

} // namespace cpm
