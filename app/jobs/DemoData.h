// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace cpm {

/** The first-run demo warehouse, built from the synthetic extracts bundled under :/demo. */
class DemoData
{
public:
    /** AppDataLocation/demo.sqlite. */
    static QString warehousePath();
    /** Builds the demo warehouse unless it already holds data; its path, or empty with @p error set. */
    static QString ensureWarehouse(QString *error);
    /** Copies the bundled extracts into @p directory; their paths (empty when none are bundled). */
    static QStringList extractTo(const QString &directory);
};

} // namespace cpm
