// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the test executables: where fixtures live and how to load them into a fresh
// warehouse. Header-only so every tst_*.cpp stays a single-source executable.
#pragma once

#include "transform/SqlProject.h"
#include "warehouse/Importer.h"
#include "warehouse/Warehouse.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace cpm::test {

inline QString fixture(const QString &relative)
{
    return QDir(qEnvironmentVariable("CPM_FIXTURES")).filePath(relative);
}

/** ../shared/data, or an empty string when it is absent (tests then skip). */
inline QString sharedData()
{
    const QString dir = qEnvironmentVariable("CPM_SHARED_DATA");
    return !dir.isEmpty() && QDir(dir).exists() ? dir : QString();
}

/** The three extracts of @p directory as import sources (roles detected from headers). */
inline ImportOptions extractOptions(const QString &directory)
{
    ImportOptions options;
    for (const char *name : {"stores.csv", "devices.csv", "transactions.csv"})
        options.files.push_back({QDir(directory).filePath(QString::fromLatin1(name)), FileRole::Unknown});
    return options;
}

/** Writes @p bytes to @p path (creating folders); for fixtures built inside a test. */
inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

/** A project + warehouse in a temporary folder. */
struct TempWarehouse
{
    QTemporaryDir dir;
    SqlProject project;
    Warehouse warehouse;

    bool open()
    {
        return dir.isValid() && project.load() && warehouse.open(dir.filePath(QStringLiteral("w.sqlite")), project);
    }
    QString path() const { return dir.filePath(QStringLiteral("w.sqlite")); }
    ImportSummary import(const ImportOptions &options)
    {
        Importer importer(warehouse, project);
        return importer.run(options);
    }
    qint64 count(const QString &table) const
    {
        return warehouse.scalar(QStringLiteral("select count(*) from ") + table).toLongLong();
    }
};

} // namespace cpm::test
