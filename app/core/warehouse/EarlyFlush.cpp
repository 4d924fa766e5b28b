// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/EarlyFlush.h"

#include <QFileInfo>

#include <thread>

#ifdef __linux__
#include <fcntl.h>
#include <unistd.h>
#endif

namespace cpm {

void startEarlyFlush(const QString &databasePath)
{
#ifdef __linux__
    const QByteArray folder = QFileInfo(databasePath).absolutePath().toLocal8Bit();
    std::thread([folder] {
        const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return; // nothing lost: the commit syncs anyway
        ::syncfs(fd);
        ::close(fd);
    }).detach();
#else
    Q_UNUSED(databasePath);
#endif
}

} // namespace cpm
