// SPDX-License-Identifier: GPL-3.0-or-later
#include "warehouse/FileInspector.h"

#include "csv/DecimalMarkDetector.h"
#include "csv/ValueNormalizer.h"

namespace cpm {

QVector<int> FileInspector::timestampColumns(FileRole role)
{
    switch (role) {
    case FileRole::Stores: return {Col::StoreCreatedAt};
    case FileRole::Transactions: return {Col::TxCreatedAt, Col::TxHappenedAt};
    case FileRole::Devices:
    case FileRole::Unknown: break;
    }
    return {};
}

static QStringList previewFields(const CsvRecord &record, const ColumnMapping &mapping)
{
    QStringList fields;
    const int card = mapping.role == FileRole::Transactions ? mapping.field(Col::CardNumber) : -1;
    const int cvv = mapping.role == FileRole::Transactions ? mapping.field(Col::Cvv) : -1;
    for (int i = 0; i < record.size(); ++i) {
        if (i == cvv)
            fields << QString();
        else if (i == card)
            fields << QStringLiteral("****") + QString::fromLatin1(ValueNormalizer::maskCardNumber(record.field(i)));
        else
            fields << QString::fromUtf8(record.field(i));
    }
    return fields;
}

FileInspection FileInspector::inspect(const QString &path, FileRole forced, int sampleRows, int previewRows)
{
    FileInspection result;
    result.path = path;
    CsvReader reader(path);
    if (!reader.open()) {
        result.error = reader.error();
        return result;
    }
    result.dialect = reader.dialect();
    result.fileSize = reader.fileSize();
    QVector<TimestampDetector> detectors;
    QVector<int> tsFields;
    DecimalMarkDetector amounts;
    int amountField = -1;
    qint64 records = 0;
    qint64 sampleBytes = 0;
    const auto status = reader.read([&](const CsvRecord &record) {
        if (records == 0) {
            QStringList header;
            for (int i = 0; i < record.size(); ++i)
                header << QString::fromUtf8(record.field(i));
            result.mapping = FileClassifier::classify(header, forced, &result.error);
            if (result.error.isError())
                return false;
            for (int column : timestampColumns(result.mapping.role))
                tsFields << result.mapping.field(column);
            detectors.resize(tsFields.size());
            if (result.mapping.role == FileRole::Transactions)
                amountField = result.mapping.field(Col::Amount);
        } else {
            if (amountField >= 0 && amountField < record.size())
                amounts.add(record.field(amountField));
            for (int i = 0; i < tsFields.size(); ++i) {
                if (tsFields[i] < record.size())
                    detectors[i].add(ValueNormalizer::trimmed(record.field(tsFields[i])));
            }
            if (result.previewRows.size() < previewRows)
                result.previewRows << previewFields(record, result.mapping);
            sampleBytes = reader.bytesRead();
        }
        return ++records <= sampleRows;
    });
    if (result.error.isError()) {
        result.error.file = path;
        return result;
    }
    if (status == CsvReader::Result::Error) {
        result.error = reader.error();
        return result;
    }
    if (records == 0) {
        result.error = Error::make(Error::Code::Header, QStringLiteral("the file is empty"));
        result.error.file = path;
        result.error.expected = QStringLiteral("a header line and data rows");
        return result;
    }
    const qint64 dataRecords = records - 1;
    result.estimatedRows = status == CsvReader::Result::Ok || sampleBytes == 0
        ? dataRecords
        : qint64(double(result.fileSize) * double(dataRecords) / double(sampleBytes));
    const QStringList names = FileClassifier::canonicalColumns(result.mapping.role);
    const QVector<int> columns = timestampColumns(result.mapping.role);
    for (int i = 0; i < columns.size(); ++i)
        result.timestampFormats.insert(names.at(columns[i]), detectors[i].result());
    result.amountFormat = amounts.result(result.dialect.delimiter);
    return result;
}

} // namespace cpm
