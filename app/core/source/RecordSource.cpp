// SPDX-License-Identifier: GPL-3.0-or-later
#include "source/RecordSource.h"

#include "source/CsvRecordSource.h"
#include "source/XlsxRecordSource.h"
#include "xlsx/XlsxFormat.h"

namespace cpm {

std::unique_ptr<RecordSource> RecordSource::create(const QString &path, const QString &sheet)
{
    if (XlsxFormat::isSpreadsheet(path))
        return std::make_unique<XlsxRecordSource>(path, sheet);
    return std::make_unique<CsvRecordSource>(path);
}

} // namespace cpm
