// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cpm {

/** "cpm 0.1.0 (Qt 6.4.2, SQLite 3.40.1)": what --version and Help ▸ About report. */
QString versionLine(const QString &program);
/** The SQLite library actually loaded (the one the Qt driver shares). */
QString sqliteVersion();

} // namespace cpm
