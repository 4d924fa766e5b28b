// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoData.h"

#include "WarehouseSession.h"
#include "metrics/MetricsEngine.h"
#include "transform/SqlProject.h"
#include "warehouse/Warehouse.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace cpm {

QString DemoData::warehousePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo.sqlite"));
}

QStringList DemoData::extractTo(const QString &directory)
{
    QStringList files;
    for (const char *name : {"stores.csv", "devices.csv", "transactions.csv"}) {
        const QString source = QStringLiteral(":/demo/") + QString::fromLatin1(name);
        const QString target = QDir(directory).filePath(QString::fromLatin1(name));
        QFile::remove(target);
        if (QFile::exists(source) && QFile::copy(source, target)) {
            QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
            files << target;
        }
    }
    return files;
}

QString DemoData::ensureWarehouse(QString *error)
{
    const QString path = warehousePath();
    if (QFile::exists(path)) {
        SqlProject project;
        Warehouse probe;
        if (project.load() && probe.open(path, project) && MetricsEngine(probe.database()).hasData())
            return path;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QTemporaryDir temp;
    const QStringList files = extractTo(temp.path());
    if (files.isEmpty()) {
        *error = QStringLiteral("no demo extracts are bundled with this build");
        return QString();
    }
    if (!WarehouseSession::importFiles(path, files, QStringLiteral("demo"), error))
        return QString();
    return path;
}

} // namespace cpm
