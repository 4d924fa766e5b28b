// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsx/ZipEntryDevice.h"

#include <zip.h>

namespace cpm {

ZipEntryDevice::ZipEntryDevice(zip_file_t *file, qint64 size) : m_file(file), m_size(size)
{
    // Unbuffered: the XML reader has its own buffer, a second copy would only cost time.
    QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

ZipEntryDevice::~ZipEntryDevice()
{
    zip_fclose(m_file);
}

qint64 ZipEntryDevice::bytesAvailable() const
{
    return m_eof ? 0 : std::max<qint64>(1, m_size - m_consumed) + QIODevice::bytesAvailable();
}

qint64 ZipEntryDevice::readData(char *data, qint64 maxSize)
{
    if (m_eof || maxSize <= 0)
        return 0;
    const zip_int64_t n = zip_fread(m_file, data, zip_uint64_t(maxSize));
    if (n < 0) {
        // A CRC mismatch or a truncated stream: say so, the reader reports a read error.
        setErrorString(QString::fromUtf8(zip_file_strerror(m_file)));
        m_eof = true;
        return -1;
    }
    if (n == 0)
        m_eof = true;
    m_consumed += n;
    return n;
}

} // namespace cpm
