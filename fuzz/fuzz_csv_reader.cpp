// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the streaming CSV reader the way imports use it: the bytes go to a file, which is
// sniffed and read to the end. The same file is then read again in small chunks, which
// moves every record across buffer refills: both reads must yield exactly the same records
// (or the same error), so a refill bug shows up as a difference, not only as a crash.
#include "csv/CsvParser.h"
#include "csv/CsvReader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

using namespace cpm;

namespace {

/** Digest of every record (line, fields) plus the outcome, for the comparison. */
QByteArray readAll(const std::function<CsvReader::Result(const std::function<bool(const CsvRecord &)> &)> &run,
                   qint64 fileSize, Error *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    qint64 lastLine = 0;
    const CsvReader::Result result = run([&](const CsvRecord &record) {
        // Records come in file order, each with at least one field, never past the file's end.
        if (record.size() < 1 || record.lineNumber() <= lastLine || record.raw().size() > fileSize)
            abort();
        lastLine = record.lineNumber();
        hash.addData(QByteArray::number(record.lineNumber()) + ':' + QByteArray::number(record.size()));
        for (int i = 0; i < record.size(); ++i) {
            const QByteArrayView field = record.field(i);
            if (!field.isValidUtf8()) // fields always reach the loader as UTF-8
                abort();
            hash.addData(field);
            hash.addData("\x1f");
        }
        return true;
    });
    hash.addData(QByteArray::number(int(result)));
    hash.addData(QByteArray::number(int(error->code)));
    return hash.result();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // One file, rewritten for every input; in RAM when the system has /dev/shm.
    static QTemporaryDir dir(QFileInfo(QStringLiteral("/dev/shm")).isWritable() ? QStringLiteral("/dev/shm/cpm-fuzz-XXXXXX")
                                                                              : QString());
    const QString path = dir.filePath(QStringLiteral("input.csv"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            abort();
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    CsvReader reader(path);
    if (!reader.open())
        return 0;
    Error first;
    const QByteArray whole = readAll([&](const auto &onRecord) {
        const auto result = reader.read(onRecord);
        first = reader.error();
        return result;
    }, qint64(size), &first);
    if (first.isError())
        (void)first.toString(); // messages are built from the bytes too

    // Tiny chunks, but at most ~64 refills: each refill moves the pending record, so 7-byte
    // chunks on a 64 KiB input would spend the fuzzing time in memmove.
    CsvParser chunked(path, qMax<qint64>(7, qint64(size) / 64));
    Error second;
    if (!chunked.open(&second))
        abort();
    const QByteArray pieces = readAll([&](const auto &onRecord) { return chunked.run(reader.dialect(), onRecord, &second); },
                                      qint64(size), &second);
    if (whole != pieces)
        abort();
    return 0;
}
