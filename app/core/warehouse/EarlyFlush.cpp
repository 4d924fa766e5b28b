// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/EarlyFlush.h"

#include <QFileInfo>

#ifdef __linux__
#include <fcntl.h>
#include <unistd.h>
#endif

namespace cpm {

void EarlyFlush::start(const QString &databasePath)
{
#ifdef __linux__
    wait();
    const QByteArray folder = QFileInfo(databasePath).absolutePath().toLocal8Bit();
    m_done = std::async(std::launch::async, [folder] {
        const int fd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return; // nothing lost: the commit syncs anyway
        ::syncfs(fd);
        ::close(fd);
    });
#else
    Q_UNUSED(databasePath);
#endif
}

void EarlyFlush::wait()
{
    if (m_done.valid())
        m_done.get();
}

} // namespace cpm
