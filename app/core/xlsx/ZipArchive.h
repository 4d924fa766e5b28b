// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

#include <memory>

struct zip;

namespace cpm {

/**
 * A zip archive opened read-only through libzip: entry lookup (case-insensitive, as OPC
 * part names are) and entries streamed as sequential QIODevices, never inflated whole.
 */
class ZipArchive
{
public:
    ZipArchive() = default;
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    /** Opens @p path; false with libzip's reason in errorString() (damaged, truncated, not a zip). */
    bool open(const QString &path);
    bool isOpen() const { return m_zip != nullptr; }
    const QString &errorString() const { return m_error; }

    /** Every entry name, as stored. */
    QStringList names() const;
    bool contains(const QString &name) const;
    /** Uncompressed size of @p name, -1 when absent. */
    qint64 size(const QString &name) const;
    /** The entry @p name as a sequential device that inflates as it is read; null (see errorString()) when absent. */
    std::unique_ptr<QIODevice> openEntry(const QString &name);

private:
    struct zip *m_zip = nullptr;
    QString m_error;
};

} // namespace cpm
