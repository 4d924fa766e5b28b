// SPDX-License-Identifier: GPL-3.0-or-later
#include "base/BuildInfo.h"

#include <sqlite3.h>

namespace cpm {

QString sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

QString versionLine(const QString &program)
{
    return QStringLiteral("%1 %2 (Qt %3, SQLite %4)")
        .arg(program, QStringLiteral(CPM_VERSION), QString::fromLatin1(qVersion()), sqliteVersion());
}

} // namespace cpm
