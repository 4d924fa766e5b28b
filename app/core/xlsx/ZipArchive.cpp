// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/ZipArchive.h"

#include "xlsx/ZipEntryDevice.h"

#include <QFile>

#include <zip.h>

namespace cpm {

ZipArchive::~ZipArchive()
{
    if (m_zip)
        zip_discard(m_zip); // read-only: nothing to write back
}

bool ZipArchive::open(const QString &path)
{
    int code = 0;
    // ZIP_CHECKCONS: a truncated or patched archive fails here, with a reason, rather than
    // half-way through a sheet.
    m_zip = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (m_zip)
        return true;
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    m_error = QString::fromUtf8(zip_error_strerror(&error));
    zip_error_fini(&error);
    return false;
}

QStringList ZipArchive::names() const
{
    QStringList result;
    const zip_int64_t count = m_zip ? zip_get_num_entries(m_zip, 0) : 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        if (const char *name = zip_get_name(m_zip, zip_uint64_t(i), 0))
            result << QString::fromUtf8(name);
    }
    return result;
}

bool ZipArchive::contains(const QString &name) const
{
    return m_zip && zip_name_locate(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE) >= 0;
}

qint64 ZipArchive::size(const QString &name) const
{
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (!m_zip || zip_stat(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return -1;
    return qint64(stat.size);
}

std::unique_ptr<QIODevice> ZipArchive::openEntry(const QString &name)
{
    if (!m_zip)
        return nullptr;
    zip_file_t *file = zip_fopen(m_zip, name.toUtf8().constData(), ZIP_FL_NOCASE);
    if (!file) {
        m_error = QStringLiteral("%1: %2").arg(name, QString::fromUtf8(zip_strerror(m_zip)));
        return nullptr;
    }
    return std::make_unique<ZipEntryDevice>(file, size(name));
}

} // namespace cpm
