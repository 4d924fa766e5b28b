// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the header classifier: the first line of the input, split on commas, is classified
// as unknown and as each forced role. A success must map every required column to a distinct
// field of the header; a failure must come with a Header error naming line 1.
#include "csv/FileClassifier.h"

#include <QSet>

#include <cstdint>
#include <cstdlib>

using namespace cpm;

namespace {

void checkMapping(const ColumnMapping &mapping, const QStringList &header, const Error &error)
{
    if (mapping.role == FileRole::Unknown) {
        if (error.code != Error::Code::Header || error.line != 1 || error.toString().isEmpty())
            abort();
        return;
    }
    if (error.isError())
        abort();
    QSet<int> used;
    const QStringList canonical = FileClassifier::canonicalColumns(mapping.role);
    for (int i = 0; i < canonical.size(); ++i) {
        const int field = mapping.field(i);
        if (field < -1 || field >= header.size() || (field >= 0 && used.contains(field)))
            abort();
        used.insert(field);
    }
    for (const QString &required : FileClassifier::requiredColumns(mapping.role)) {
        if (!mapping.has(int(canonical.indexOf(required))))
            abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString firstLine = QString::fromUtf8(bytes.left(bytes.indexOf('\n') < 0 ? bytes.size() : bytes.indexOf('\n')));
    const QStringList header = firstLine.split(QLatin1Char(','));
    for (const FileRole forced : {FileRole::Unknown, FileRole::Stores, FileRole::Devices, FileRole::Transactions}) {
        Error error;
        const ColumnMapping mapping = FileClassifier::classify(header, forced, &error);
        checkMapping(mapping, header, error);
        if (forced != FileRole::Unknown && mapping.role != FileRole::Unknown && mapping.role != forced)
            abort();
    }
    for (const QString &name : header)
        (void)FileClassifier::normalizeName(name);
    return 0;
}
