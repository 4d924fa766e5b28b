// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/CsvExport.h"

#include <QSaveFile>

namespace cpm {

Error writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    auto failure = [&](const QString &reason) {
        Error error = Error::make(Error::Code::FileWrite, QStringLiteral("cannot write: %1").arg(reason));
        error.file = path;
        return error;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failure(file.errorString());
    if (file.write(bytes) != bytes.size())
        return failure(file.errorString());
    // commit() renames the temporary file over the target; until then the old file is intact.
    if (!file.commit())
        return failure(file.errorString());
    return Error();
}

Error writeCsvFile(const QString &path, const MetricTable &table, const CsvOptions &options, bool byteOrderMark)
{
    QByteArray bytes = byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    bytes += toCsv(table, options).toUtf8();
    return writeFileAtomically(path, bytes);
}

QString toTsv(const MetricTable &table)
{
    CsvOptions options;
    options.delimiter = QLatin1Char('\t');
    // Pasted into a spreadsheet or an e-mail, people read the header, not the machine keys.
    options.humanHeaders = true;
    return toCsv(table, options);
}

} // namespace cpm
