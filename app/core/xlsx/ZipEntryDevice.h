// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>

struct zip_file;

namespace cpm {

/**
 * One zip entry as a read-only sequential QIODevice: each read inflates the next bytes
 * (libzip), so an XML reader can stream a part of any size in bounded memory.
 */
class ZipEntryDevice : public QIODevice
{
public:
    /** Takes ownership of @p file; @p size is the entry's uncompressed size (for progress). */
    ZipEntryDevice(struct zip_file *file, qint64 size);
    ~ZipEntryDevice() override;

    bool isSequential() const override { return true; }
    bool atEnd() const override { return m_eof; }
    qint64 bytesAvailable() const override;
    /** Uncompressed bytes handed out so far. */
    qint64 consumed() const { return m_consumed; }
    qint64 uncompressedSize() const { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    struct zip_file *m_file;
    qint64 m_size;
    qint64 m_consumed = 0;
    bool m_eof = false;
};

} // namespace cpm
